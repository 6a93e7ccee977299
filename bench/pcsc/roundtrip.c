/* Baseline for bench/pcsc/roundtrip.sh: N x SELECT MF through libpcsclite, the same loop
 * CardKit and pyscard run, timing each SCardTransmit. Prints median and p99 in microseconds.
 * Build: gcc -O2 -o roundtrip roundtrip.c $(pkg-config --cflags --libs libpcsclite) */
#include <winscard.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: %s READER COUNT\n", argv[0]); return 2; }
    int n = atoi(argv[2]);
    SCARDCONTEXT ctx; SCARDHANDLE card; DWORD proto;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &ctx);
    if (rv) { fprintf(stderr, "SCardEstablishContext: %s\n", pcsc_stringify_error(rv)); return 3; }
    rv = SCardConnect(ctx, argv[1], SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &proto);
    if (rv) { fprintf(stderr, "SCardConnect: %s\n", pcsc_stringify_error(rv)); return 3; }
    const SCARD_IO_REQUEST *pci = proto == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    BYTE cmd[] = { 0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00 }, resp[258];
    double *t = malloc(sizeof(double) * n);
    struct timespec a, b, start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < n; i++) {
        DWORD len = sizeof resp;
        clock_gettime(CLOCK_MONOTONIC, &a);
        rv = SCardTransmit(card, pci, cmd, sizeof cmd, NULL, resp, &len);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (rv || len != 2 || resp[0] != 0x90) { fprintf(stderr, "transmit failed at %d\n", i); return 1; }
        t[i] = (b.tv_sec - a.tv_sec) * 1e6 + (b.tv_nsec - a.tv_nsec) / 1e3;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    qsort(t, n, sizeof(double), cmp);
    double total = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("C libpcsclite: %d APDUs, median %.1f us, p99 %.1f us, %.0f APDUs/s\n", n, t[n / 2], t[(int)(n * 0.99) - 1], n / total);
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    SCardReleaseContext(ctx);
    return 0;
}
