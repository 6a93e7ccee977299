/* Baseline for bench/pkcs11/compare.sh: N x (C_SignInit + C_Sign) on one SoftHSM2 key through the
 * module's function list, the same loop CardKit runs. Prints signatures per second.
 * Build: gcc -O2 -I/usr/include/p11-kit-1 -o sign_loop sign_loop.c -ldl */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <p11-kit/pkcs11.h>

int main(int argc, char **argv)
{
    if (argc < 6) { fprintf(stderr, "usage: %s MODULE TOKEN PIN KEY-LABEL N [ecdsa]\n", argv[0]); return 2; }
    void *lib = dlopen(argv[1], RTLD_NOW);
    CK_C_GetFunctionList getList = (CK_C_GetFunctionList)dlsym(lib, "C_GetFunctionList");
    CK_FUNCTION_LIST_PTR f;
    getList(&f);
    CK_C_INITIALIZE_ARGS args = { .flags = CKF_OS_LOCKING_OK };
    f->C_Initialize(&args);
    CK_SLOT_ID slots[64]; CK_ULONG count = 64;
    f->C_GetSlotList(CK_TRUE, slots, &count);
    CK_SLOT_ID slot = (CK_SLOT_ID)-1;
    for (CK_ULONG i = 0; i < count; i++) {
        CK_TOKEN_INFO info; f->C_GetTokenInfo(slots[i], &info);
        if (strncmp((char *)info.label, argv[2], strlen(argv[2])) == 0 && info.label[strlen(argv[2])] == ' ') slot = slots[i];
    }
    CK_SESSION_HANDLE s;
    f->C_OpenSession(slot, CKF_SERIAL_SESSION, NULL, NULL, &s);
    f->C_Login(s, CKU_USER, (CK_UTF8CHAR_PTR)argv[3], strlen(argv[3]));
    CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
    CK_ATTRIBUTE t[] = { { CKA_CLASS, &cls, sizeof cls }, { CKA_LABEL, argv[4], strlen(argv[4]) } };
    CK_OBJECT_HANDLE key; CK_ULONG found;
    f->C_FindObjectsInit(s, t, 2); f->C_FindObjects(s, &key, 1, &found); f->C_FindObjectsFinal(s);
    if (!found) { fprintf(stderr, "key not found\n"); return 1; }
    int ecdsa = argc > 6;
    CK_MECHANISM m = { ecdsa ? CKM_ECDSA : CKM_SHA256_RSA_PKCS, NULL, 0 };
    unsigned char data[32] = { 1 }, sig[512];
    int n = atoi(argv[5]);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < n; i++) {
        CK_ULONG len = sizeof sig;
        if (f->C_SignInit(s, &m, key) != CKR_OK || f->C_Sign(s, data, sizeof data, sig, &len) != CKR_OK) { fprintf(stderr, "sign failed\n"); return 1; }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("C loop: %d %s signatures, %.0f/s\n", n, ecdsa ? "ECDSA P-256" : "RSA-2048", n / secs);
    return 0;
}
