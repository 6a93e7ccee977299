/*
 * A PKCS#11 module with the Windows ABI (CK_ULONG 32-bit, every structure packed to 1 byte,
 * CK_FUNCTION_LIST pointers from offset 2) in front of a Unix module (SoftHSM2), so that the tests
 * drive CardKit's Windows call path on Linux. It converts each call it forwards; a structure that
 * arrives in the Unix layout is passed on unconverted and the real module rejects it.
 * Test fixture only: built by WindowsAbiTests with -DTARGET="path of the Unix module".
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <p11-kit/pkcs11.h>

typedef uint32_t WUL; /* CK_ULONG on Windows */

#pragma pack(push, 1)
typedef struct { WUL type; void *pValue; WUL ulValueLen; } W_ATTRIBUTE;
typedef struct { WUL mechanism; void *pParameter; WUL ulParameterLen; } W_MECHANISM;
typedef struct { CK_VERSION cryptokiVersion; unsigned char manufacturerID[32]; WUL flags; unsigned char libraryDescription[32]; CK_VERSION libraryVersion; } W_INFO;
typedef struct { unsigned char slotDescription[64]; unsigned char manufacturerID[32]; WUL flags; CK_VERSION hardwareVersion, firmwareVersion; } W_SLOT_INFO;
typedef struct { unsigned char label[32], manufacturerID[32], model[16], serialNumber[16]; WUL flags, counters[10]; CK_VERSION hardwareVersion, firmwareVersion; unsigned char utcTime[16]; } W_TOKEN_INFO;
typedef struct { WUL ulMinKeySize, ulMaxKeySize, flags; } W_MECHANISM_INFO;
typedef struct { void *CreateMutex, *DestroyMutex, *LockMutex, *UnlockMutex; WUL flags; void *pReserved; } W_C_INITIALIZE_ARGS;
typedef struct { WUL hashAlg, mgf, sLen; } W_RSA_PKCS_PSS_PARAMS;
typedef struct { WUL hashAlg, mgf, source; void *pSourceData; WUL ulSourceDataLen; } W_RSA_PKCS_OAEP_PARAMS;
typedef struct { WUL kdf, ulSharedDataLen; unsigned char *pSharedData; WUL ulPublicDataLen; unsigned char *pPublicData; } W_ECDH1_DERIVE_PARAMS;
typedef struct { unsigned char *pIv; WUL ulIvLen, ulIvBits; unsigned char *pAAD; WUL ulAADLen, ulTagBits; } W_GCM_PARAMS;
typedef struct { CK_VERSION version; void *function[68]; } W_FUNCTION_LIST;
#pragma pack(pop)

_Static_assert(sizeof(W_ATTRIBUTE) == 16 && sizeof(W_INFO) == 72 && sizeof(W_SLOT_INFO) == 104, "Windows x64 layout");
_Static_assert(sizeof(W_TOKEN_INFO) == 160 && sizeof(W_MECHANISM_INFO) == 12 && sizeof(W_GCM_PARAMS) == 32, "Windows x64 layout");
_Static_assert(sizeof(W_C_INITIALIZE_ARGS) == 44 && sizeof(W_FUNCTION_LIST) == 2 + 68 * 8, "Windows x64 layout");

static CK_FUNCTION_LIST_PTR N; /* the Unix module */

static WUL W(CK_ULONG v) { return v == CK_UNAVAILABLE_INFORMATION ? 0xFFFFFFFFu : (WUL)v; }

/* Attributes whose value is a CK_ULONG (base specification §4): 4 bytes on Windows. */
static int ulong_attribute(CK_ULONG type)
{
    switch (type) {
    case 0x000: case 0x080: case 0x087: case 0x088: case 0x08C: case 0x100: case 0x121:
    case 0x133: case 0x134: case 0x160: case 0x161: case 0x166: case 0x300: case 0x500:
        return 1;
    }
    return 0;
}

typedef struct { CK_ATTRIBUTE *a; CK_ULONG *numbers; CK_ULONG count; } NATIVE_TEMPLATE;

static NATIVE_TEMPLATE in_template(const W_ATTRIBUTE *w, WUL count)
{
    NATIVE_TEMPLATE t = { calloc(count + 1, sizeof(CK_ATTRIBUTE)), calloc(count + 1, sizeof(CK_ULONG)), count };
    for (WUL i = 0; i < count; i++) {
        t.a[i].type = w[i].type;
        t.a[i].pValue = w[i].pValue;
        t.a[i].ulValueLen = w[i].ulValueLen;
        if (ulong_attribute(w[i].type) && w[i].pValue && w[i].ulValueLen == sizeof(WUL)) {
            WUL v;
            memcpy(&v, w[i].pValue, sizeof v);
            t.numbers[i] = v;
            t.a[i].pValue = &t.numbers[i];
            t.a[i].ulValueLen = sizeof(CK_ULONG);
        }
    }
    return t;
}

static void free_template(NATIVE_TEMPLATE t) { free(t.a); free(t.numbers); }

typedef struct {
    CK_MECHANISM m;
    union { CK_RSA_PKCS_PSS_PARAMS pss; CK_RSA_PKCS_OAEP_PARAMS oaep; CK_ECDH1_DERIVE_PARAMS ecdh; CK_GCM_PARAMS gcm; } p;
} NATIVE_MECHANISM;

static CK_MECHANISM *in_mechanism(const W_MECHANISM *w, NATIVE_MECHANISM *n)
{
    if (!w)
        return NULL;
    n->m.mechanism = w->mechanism;
    n->m.pParameter = w->pParameter;
    n->m.ulParameterLen = w->ulParameterLen;
    switch (w->mechanism) {
    case 0x0D: case 0x0E: case 0x43: case 0x44: case 0x45: case 0x47: /* RSA PKCS PSS family */
        if (w->ulParameterLen == sizeof(W_RSA_PKCS_PSS_PARAMS)) {
            const W_RSA_PKCS_PSS_PARAMS *p = w->pParameter;
            n->p.pss.hashAlg = p->hashAlg; n->p.pss.mgf = p->mgf; n->p.pss.sLen = p->sLen;
            n->m.pParameter = &n->p.pss; n->m.ulParameterLen = sizeof n->p.pss;
        }
        break;
    case 0x09: /* RSA PKCS OAEP */
        if (w->ulParameterLen == sizeof(W_RSA_PKCS_OAEP_PARAMS)) {
            const W_RSA_PKCS_OAEP_PARAMS *p = w->pParameter;
            n->p.oaep.hashAlg = p->hashAlg; n->p.oaep.mgf = p->mgf; n->p.oaep.source = p->source;
            n->p.oaep.pSourceData = p->pSourceData; n->p.oaep.ulSourceDataLen = p->ulSourceDataLen;
            n->m.pParameter = &n->p.oaep; n->m.ulParameterLen = sizeof n->p.oaep;
        }
        break;
    case 0x1050: /* ECDH1 DERIVE */
        if (w->ulParameterLen == sizeof(W_ECDH1_DERIVE_PARAMS)) {
            const W_ECDH1_DERIVE_PARAMS *p = w->pParameter;
            n->p.ecdh.kdf = p->kdf; n->p.ecdh.ulSharedDataLen = p->ulSharedDataLen; n->p.ecdh.pSharedData = p->pSharedData;
            n->p.ecdh.ulPublicDataLen = p->ulPublicDataLen; n->p.ecdh.pPublicData = p->pPublicData;
            n->m.pParameter = &n->p.ecdh; n->m.ulParameterLen = sizeof n->p.ecdh;
        }
        break;
    case 0x1087: /* AES GCM */
        if (w->ulParameterLen == sizeof(W_GCM_PARAMS)) {
            const W_GCM_PARAMS *p = w->pParameter;
            n->p.gcm.pIv = p->pIv; n->p.gcm.ulIvLen = p->ulIvLen; n->p.gcm.ulIvBits = p->ulIvBits;
            n->p.gcm.pAAD = p->pAAD; n->p.gcm.ulAADLen = p->ulAADLen; n->p.gcm.ulTagBits = p->ulTagBits;
            n->m.pParameter = &n->p.gcm; n->m.ulParameterLen = sizeof n->p.gcm;
        }
        break;
    }
    return &n->m;
}

/* A CK_ULONG array filled in by the Unix module, handed back at 32 bits. */
#define LIST_CALL(call_with, list, count)                                               \
    do {                                                                                \
        CK_ULONG n = *(count);                                                          \
        CK_ULONG *tmp = (list) ? calloc(n + 1, sizeof(CK_ULONG)) : NULL;                \
        rv = call_with(tmp, &n);                                                        \
        if ((list) && rv == CKR_OK)                                                     \
            for (CK_ULONG i = 0; i < n; i++)                                            \
                (list)[i] = (WUL)tmp[i];                                                \
        *(count) = (WUL)n;                                                              \
        free(tmp);                                                                      \
    } while (0)

/* An output length: in and out at 32 bits. */
#define LENGTH_CALL(call_with, length)                                                  \
    do {                                                                                \
        CK_ULONG n = (length) ? *(length) : 0;                                          \
        rv = call_with((length) ? &n : NULL);                                           \
        if (length)                                                                     \
            *(length) = (WUL)n;                                                         \
    } while (0)

static WUL w_Initialize(W_C_INITIALIZE_ARGS *w)
{
    CK_C_INITIALIZE_ARGS a = { 0 };
    if (w) {
        a.CreateMutex = w->CreateMutex; a.DestroyMutex = w->DestroyMutex;
        a.LockMutex = w->LockMutex; a.UnlockMutex = w->UnlockMutex; a.flags = w->flags;
    }
    return (WUL)N->C_Initialize(w ? &a : NULL);
}

/* The Unix module is shared with the rest of the test process: it is not finalized from here. */
static WUL w_Finalize(void *reserved) { (void)reserved; return CKR_OK; }

static WUL w_GetInfo(W_INFO *w)
{
    CK_INFO i = { 0 };
    CK_RV rv = N->C_GetInfo(&i);
    if (rv == CKR_OK) {
        w->cryptokiVersion = i.cryptokiVersion;
        memcpy(w->manufacturerID, i.manufacturerID, 32);
        w->flags = (WUL)i.flags;
        memcpy(w->libraryDescription, i.libraryDescription, 32);
        w->libraryVersion = i.libraryVersion;
    }
    return (WUL)rv;
}

static WUL w_GetSlotList(CK_BBOOL present, WUL *list, WUL *count)
{
    CK_RV rv;
#define CALL(tmp, n) N->C_GetSlotList(present, tmp, n)
    LIST_CALL(CALL, list, count);
#undef CALL
    return (WUL)rv;
}

static WUL w_GetSlotInfo(WUL slot, W_SLOT_INFO *w)
{
    CK_SLOT_INFO i = { 0 };
    CK_RV rv = N->C_GetSlotInfo(slot, &i);
    if (rv == CKR_OK) {
        memcpy(w->slotDescription, i.slotDescription, 64);
        memcpy(w->manufacturerID, i.manufacturerID, 32);
        w->flags = (WUL)i.flags;
        w->hardwareVersion = i.hardwareVersion;
        w->firmwareVersion = i.firmwareVersion;
    }
    return (WUL)rv;
}

static WUL w_GetTokenInfo(WUL slot, W_TOKEN_INFO *w)
{
    CK_TOKEN_INFO i = { 0 };
    CK_RV rv = N->C_GetTokenInfo(slot, &i);
    if (rv == CKR_OK) {
        memcpy(w->label, i.label, 32);
        memcpy(w->manufacturerID, i.manufacturerID, 32);
        memcpy(w->model, i.model, 16);
        memcpy(w->serialNumber, i.serialNumber, 16);
        w->flags = (WUL)i.flags;
        CK_ULONG counters[10] = { i.ulMaxSessionCount, i.ulSessionCount, i.ulMaxRwSessionCount, i.ulRwSessionCount, i.ulMaxPinLen,
                                  i.ulMinPinLen, i.ulTotalPublicMemory, i.ulFreePublicMemory, i.ulTotalPrivateMemory, i.ulFreePrivateMemory };
        for (int k = 0; k < 10; k++)
            w->counters[k] = W(counters[k]);
        w->hardwareVersion = i.hardwareVersion;
        w->firmwareVersion = i.firmwareVersion;
        memcpy(w->utcTime, i.utcTime, 16);
    }
    return (WUL)rv;
}

static WUL w_GetMechanismList(WUL slot, WUL *list, WUL *count)
{
    CK_RV rv;
#define CALL(tmp, n) N->C_GetMechanismList(slot, tmp, n)
    LIST_CALL(CALL, list, count);
#undef CALL
    return (WUL)rv;
}

static WUL w_GetMechanismInfo(WUL slot, WUL type, W_MECHANISM_INFO *w)
{
    CK_MECHANISM_INFO i = { 0 };
    CK_RV rv = N->C_GetMechanismInfo(slot, type, &i);
    if (rv == CKR_OK) {
        w->ulMinKeySize = W(i.ulMinKeySize);
        w->ulMaxKeySize = W(i.ulMaxKeySize);
        w->flags = (WUL)i.flags;
    }
    return (WUL)rv;
}

static WUL w_InitToken(WUL slot, unsigned char *pin, WUL length, unsigned char *label) { return (WUL)N->C_InitToken(slot, pin, length, label); }
static WUL w_InitPIN(WUL s, unsigned char *pin, WUL length) { return (WUL)N->C_InitPIN(s, pin, length); }
static WUL w_SetPIN(WUL s, unsigned char *o, WUL ol, unsigned char *n, WUL nl) { return (WUL)N->C_SetPIN(s, o, ol, n, nl); }

static WUL w_OpenSession(WUL slot, WUL flags, void *application, void *notify, WUL *session)
{
    CK_SESSION_HANDLE h = 0;
    (void)notify; /* a Windows-ABI callback cannot be handed to the Unix module */
    CK_RV rv = N->C_OpenSession(slot, flags, application, NULL, &h);
    *session = (WUL)h;
    return (WUL)rv;
}

static WUL w_CloseSession(WUL s) { return (WUL)N->C_CloseSession(s); }
static WUL w_Login(WUL s, WUL user, unsigned char *pin, WUL length) { return (WUL)N->C_Login(s, user, pin, length); }
static WUL w_Logout(WUL s) { return (WUL)N->C_Logout(s); }

static WUL w_CreateObject(WUL s, W_ATTRIBUTE *w, WUL count, WUL *object)
{
    NATIVE_TEMPLATE t = in_template(w, count);
    CK_OBJECT_HANDLE h = 0;
    CK_RV rv = N->C_CreateObject(s, t.a, t.count, &h);
    *object = (WUL)h;
    free_template(t);
    return (WUL)rv;
}

static WUL w_CopyObject(WUL s, WUL object, W_ATTRIBUTE *w, WUL count, WUL *copy)
{
    NATIVE_TEMPLATE t = in_template(w, count);
    CK_OBJECT_HANDLE h = 0;
    CK_RV rv = N->C_CopyObject(s, object, t.a, t.count, &h);
    *copy = (WUL)h;
    free_template(t);
    return (WUL)rv;
}

static WUL w_DestroyObject(WUL s, WUL object) { return (WUL)N->C_DestroyObject(s, object); }

static WUL w_GetAttributeValue(WUL s, WUL object, W_ATTRIBUTE *w, WUL count)
{
    NATIVE_TEMPLATE t = in_template(w, count);
    for (WUL i = 0; i < count; i++) {
        if (ulong_attribute(w[i].type) && w[i].pValue) {
            t.a[i].pValue = &t.numbers[i];
            t.a[i].ulValueLen = w[i].ulValueLen >= sizeof(WUL) ? sizeof(CK_ULONG) : 0;
        }
    }
    CK_RV rv = N->C_GetAttributeValue(s, object, t.a, t.count);
    for (WUL i = 0; i < count; i++) {
        if (t.a[i].ulValueLen == CK_UNAVAILABLE_INFORMATION) {
            w[i].ulValueLen = 0xFFFFFFFFu;
        } else if (ulong_attribute(w[i].type)) {
            if (w[i].pValue && t.a[i].ulValueLen == sizeof(CK_ULONG)) {
                WUL v = (WUL)t.numbers[i];
                memcpy(w[i].pValue, &v, sizeof v);
            }
            w[i].ulValueLen = sizeof(WUL);
        } else {
            w[i].ulValueLen = (WUL)t.a[i].ulValueLen;
        }
    }
    free_template(t);
    return (WUL)rv;
}

static WUL w_SetAttributeValue(WUL s, WUL object, W_ATTRIBUTE *w, WUL count)
{
    NATIVE_TEMPLATE t = in_template(w, count);
    CK_RV rv = N->C_SetAttributeValue(s, object, t.a, t.count);
    free_template(t);
    return (WUL)rv;
}

static WUL w_FindObjectsInit(WUL s, W_ATTRIBUTE *w, WUL count)
{
    NATIVE_TEMPLATE t = in_template(w, count);
    CK_RV rv = N->C_FindObjectsInit(s, t.a, t.count);
    free_template(t);
    return (WUL)rv;
}

static WUL w_FindObjects(WUL s, WUL *objects, WUL max, WUL *count)
{
    CK_RV rv;
    *count = max;
#define CALL(tmp, n) N->C_FindObjects(s, tmp, *(n), n)
    LIST_CALL(CALL, objects, count);
#undef CALL
    return (WUL)rv;
}

static WUL w_FindObjectsFinal(WUL s) { return (WUL)N->C_FindObjectsFinal(s); }

#define INIT(name)                                                                      \
    static WUL w_##name(WUL s, W_MECHANISM *w, WUL key)                                 \
    {                                                                                   \
        NATIVE_MECHANISM m;                                                             \
        return (WUL)N->C_##name(s, in_mechanism(w, &m), key);                           \
    }
INIT(EncryptInit)
INIT(DecryptInit)
INIT(SignInit)
INIT(VerifyInit)

static WUL w_DigestInit(WUL s, W_MECHANISM *w)
{
    NATIVE_MECHANISM m;
    return (WUL)N->C_DigestInit(s, in_mechanism(w, &m));
}

#define ONE_SHOT(name)                                                                  \
    static WUL w_##name(WUL s, unsigned char *in, WUL inLength, unsigned char *out, WUL *outLength) \
    {                                                                                   \
        CK_RV rv;                                                                       \
        LENGTH_CALL(CALL_##name, outLength);                                            \
        return (WUL)rv;                                                                 \
    }
#define CALL_Encrypt(n) N->C_Encrypt(s, in, inLength, out, n)
#define CALL_Decrypt(n) N->C_Decrypt(s, in, inLength, out, n)
#define CALL_Digest(n) N->C_Digest(s, in, inLength, out, n)
#define CALL_Sign(n) N->C_Sign(s, in, inLength, out, n)
ONE_SHOT(Encrypt)
ONE_SHOT(Decrypt)
ONE_SHOT(Digest)
ONE_SHOT(Sign)

static WUL w_Verify(WUL s, unsigned char *data, WUL length, unsigned char *signature, WUL signatureLength)
{
    return (WUL)N->C_Verify(s, data, length, signature, signatureLength);
}

static WUL w_GenerateKey(WUL s, W_MECHANISM *w, W_ATTRIBUTE *template, WUL count, WUL *key)
{
    NATIVE_MECHANISM m;
    NATIVE_TEMPLATE t = in_template(template, count);
    CK_OBJECT_HANDLE h = 0;
    CK_RV rv = N->C_GenerateKey(s, in_mechanism(w, &m), t.a, t.count, &h);
    *key = (WUL)h;
    free_template(t);
    return (WUL)rv;
}

static WUL w_GenerateKeyPair(WUL s, W_MECHANISM *w, W_ATTRIBUTE *pub, WUL pubCount, W_ATTRIBUTE *priv, WUL privCount, WUL *pubKey, WUL *privKey)
{
    NATIVE_MECHANISM m;
    NATIVE_TEMPLATE tpub = in_template(pub, pubCount), tpriv = in_template(priv, privCount);
    CK_OBJECT_HANDLE hpub = 0, hpriv = 0;
    CK_RV rv = N->C_GenerateKeyPair(s, in_mechanism(w, &m), tpub.a, tpub.count, tpriv.a, tpriv.count, &hpub, &hpriv);
    *pubKey = (WUL)hpub;
    *privKey = (WUL)hpriv;
    free_template(tpub);
    free_template(tpriv);
    return (WUL)rv;
}

static WUL w_WrapKey(WUL s, W_MECHANISM *w, WUL wrapping, WUL key, unsigned char *out, WUL *outLength)
{
    NATIVE_MECHANISM m;
    CK_MECHANISM *mechanism = in_mechanism(w, &m);
    CK_RV rv;
#define CALL(n) N->C_WrapKey(s, mechanism, wrapping, key, out, n)
    LENGTH_CALL(CALL, outLength);
#undef CALL
    return (WUL)rv;
}

static WUL w_UnwrapKey(WUL s, W_MECHANISM *w, WUL unwrapping, unsigned char *wrapped, WUL wrappedLength, W_ATTRIBUTE *template, WUL count, WUL *key)
{
    NATIVE_MECHANISM m;
    NATIVE_TEMPLATE t = in_template(template, count);
    CK_OBJECT_HANDLE h = 0;
    CK_RV rv = N->C_UnwrapKey(s, in_mechanism(w, &m), unwrapping, wrapped, wrappedLength, t.a, t.count, &h);
    *key = (WUL)h;
    free_template(t);
    return (WUL)rv;
}

static WUL w_DeriveKey(WUL s, W_MECHANISM *w, WUL base, W_ATTRIBUTE *template, WUL count, WUL *key)
{
    NATIVE_MECHANISM m;
    NATIVE_TEMPLATE t = in_template(template, count);
    CK_OBJECT_HANDLE h = 0;
    CK_RV rv = N->C_DeriveKey(s, in_mechanism(w, &m), base, t.a, t.count, &h);
    *key = (WUL)h;
    free_template(t);
    return (WUL)rv;
}

static WUL w_GenerateRandom(WUL s, unsigned char *data, WUL length) { return (WUL)N->C_GenerateRandom(s, data, length); }

static WUL w_WaitForSlotEvent(WUL flags, WUL *slot, void *reserved)
{
    CK_SLOT_ID id = 0;
    CK_RV rv = N->C_WaitForSlotEvent(flags, &id, reserved);
    *slot = (WUL)id;
    return (WUL)rv;
}

static W_FUNCTION_LIST list;

/* Not filled in: the functions CardKit does not call stay NULL, as some modules leave them. */
WUL w_GetFunctionList(W_FUNCTION_LIST **out) __asm__("C_GetFunctionList");

WUL w_GetFunctionList(W_FUNCTION_LIST **out)
{
    if (!N) {
        void *module = dlopen(TARGET, RTLD_NOW);
        CK_RV (*get)(CK_FUNCTION_LIST_PTR_PTR) = module ? (CK_RV (*)(CK_FUNCTION_LIST_PTR_PTR))dlsym(module, "C_GetFunctionList") : NULL;
        if (!get || get(&N) != CKR_OK)
            return CKR_GENERAL_ERROR;
    }
    void **f = list.function;
    list.version.major = 2;
    list.version.minor = 40;
    f[0] = w_Initialize; f[1] = w_Finalize; f[2] = w_GetInfo; f[3] = w_GetFunctionList;
    f[4] = w_GetSlotList; f[5] = w_GetSlotInfo; f[6] = w_GetTokenInfo; f[7] = w_GetMechanismList;
    f[8] = w_GetMechanismInfo; f[9] = w_InitToken; f[10] = w_InitPIN; f[11] = w_SetPIN;
    f[12] = w_OpenSession; f[13] = w_CloseSession; f[18] = w_Login; f[19] = w_Logout;
    f[20] = w_CreateObject; f[21] = w_CopyObject; f[22] = w_DestroyObject; f[24] = w_GetAttributeValue;
    f[25] = w_SetAttributeValue; f[26] = w_FindObjectsInit; f[27] = w_FindObjects; f[28] = w_FindObjectsFinal;
    f[29] = w_EncryptInit; f[30] = w_Encrypt; f[33] = w_DecryptInit; f[34] = w_Decrypt;
    f[37] = w_DigestInit; f[38] = w_Digest; f[42] = w_SignInit; f[43] = w_Sign;
    f[48] = w_VerifyInit; f[49] = w_Verify; f[58] = w_GenerateKey; f[59] = w_GenerateKeyPair;
    f[60] = w_WrapKey; f[61] = w_UnwrapKey; f[62] = w_DeriveKey; f[64] = w_GenerateRandom;
    f[67] = w_WaitForSlotEvent;
    *out = &list;
    return CKR_OK;
}
