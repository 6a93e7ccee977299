"""The plain pyscard way to dump a GSM SIM phone book (GSM 11.11): SELECT 3F00, 7F10, 6F3A with
class A0, GET RESPONSE for the record length and file size, VERIFY CHV1, READ RECORD 1..N,
decode name and BCD number. Prints the entries, and the loop time to stderr."""
import sys, time
from smartcard.scard import *

reader, pin = sys.argv[1], sys.argv[2]
start = time.perf_counter()
_, ctx = SCardEstablishContext(SCARD_SCOPE_SYSTEM)
rv, card, proto = SCardConnect(ctx, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0)
apdus = 0

def tx(cmd):
    global apdus
    apdus += 1
    rv, resp = SCardTransmit(card, proto, cmd)
    if rv:
        sys.exit(SCardGetErrorMessage(rv))
    return resp

def select(fid):
    resp = tx([0xA0, 0xA4, 0x00, 0x00, 0x02, fid >> 8, fid & 0xFF])
    if resp[0] == 0x9F:
        return tx([0xA0, 0xC0, 0x00, 0x00, resp[1]])[:-2]
    return []

select(0x3F00)
select(0x7F10)
pin_block = [ord(c) for c in pin] + [0xFF] * (8 - len(pin))
if tx([0xA0, 0x20, 0x00, 0x01, 0x08] + pin_block)[-2:] != [0x90, 0x00]:
    sys.exit("VERIFY failed")
info = select(0x6F3A)
size, reclen = (info[2] << 8) | info[3], info[14]
digits = "0123456789*#pwe"
count = 0
for i in range(1, size // reclen + 1):
    rec = tx([0xA0, 0xB2, i, 0x04, reclen])[:-2]
    x = reclen - 14
    if rec[0] == 0xFF and rec[x] == 0xFF:
        continue
    name = bytes(b for b in rec[:x] if b != 0xFF).decode("latin-1")
    n = rec[x]
    number = ""
    if 0 < n <= 11:
        for b in rec[x + 2:x + 1 + n]:
            for nib in (b & 0xF, b >> 4):
                if nib != 0xF:
                    number += digits[nib]
        if rec[x + 1] == 0x91:
            number = "+" + number
    print(f"{i:4}  {name}  {number}")
    count += 1
print(f"pyscard dump: {count} entries, {apdus} APDUs, {(time.perf_counter() - start) * 1000:.1f} ms", file=sys.stderr)
