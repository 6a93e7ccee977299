"""pyscard side of bench/pcsc/roundtrip.sh: N x SELECT MF, per-transmit timing."""
import sys, time
from smartcard.scard import *

reader, n = sys.argv[1], int(sys.argv[2])
_, ctx = SCardEstablishContext(SCARD_SCOPE_SYSTEM)
rv, card, proto = SCardConnect(ctx, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1)
if rv:
    sys.exit(f"SCardConnect: {SCardGetErrorMessage(rv)}")
cmd = [0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00]
times = []
start = time.perf_counter()
for _ in range(n):
    a = time.perf_counter()
    rv, resp = SCardTransmit(card, proto, cmd)
    times.append((time.perf_counter() - a) * 1e6)
    if rv or resp != [0x90, 0x00]:
        sys.exit("transmit failed")
total = time.perf_counter() - start
times.sort()
print(f"pyscard: {n} APDUs, median {times[n // 2]:.1f} us, p99 {times[int(n * 0.99) - 1]:.1f} us, {n / total:.0f} APDUs/s")
