"""PyKCS11 side of bench/pkcs11/compare.sh: the same sign loop, and find + read 5 attributes of every object."""
import sys, time
import PyKCS11

module, token, pin, label, n, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
lib = PyKCS11.PyKCS11Lib()
lib.load(module)
slot = next(s for s in lib.getSlotList(tokenPresent=True) if lib.getTokenInfo(s).label.strip() == token)
session = lib.openSession(slot)
session.login(pin)
if mode == "find":
    start = time.perf_counter()
    objects = session.findObjects([(PyKCS11.CKA_CLASS, PyKCS11.CKO_DATA)])
    for o in objects:
        session.getAttributeValue(o, [PyKCS11.CKA_CLASS, PyKCS11.CKA_LABEL, PyKCS11.CKA_TOKEN, PyKCS11.CKA_PRIVATE, PyKCS11.CKA_VALUE])
    print(f"PyKCS11: found {len(objects)} objects and read 5 attributes each in {(time.perf_counter() - start) * 1000:.1f} ms")
    sys.exit(0)
key = session.findObjects([(PyKCS11.CKA_CLASS, PyKCS11.CKO_PRIVATE_KEY), (PyKCS11.CKA_LABEL, label)])[0]
mech = PyKCS11.Mechanism(PyKCS11.CKM_ECDSA if mode == "ecdsa" else PyKCS11.CKM_SHA256_RSA_PKCS, None)
data = bytes(32)
start = time.perf_counter()
for _ in range(n):
    session.sign(key, data, mech)
secs = time.perf_counter() - start
print(f"PyKCS11: {n} {'ECDSA P-256' if mode == 'ecdsa' else 'RSA-2048'} signatures, {n / secs:.0f}/s")
