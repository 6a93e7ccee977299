/*
 * Prints the size and field offsets of the PKCS#11 structures CardKit lays out, as the C compiler
 * sees them in p11-kit's pkcs11.h: natively (Unix), or with -DWINDOWS_LAYOUT as a Windows compiler
 * does (pkcs11.h packs to 1 under _WIN32, and `long` is 32-bit on LLP64 Windows).
 * Line format: NAME SIZE OFFSET... (fields in declaration order). Used by LayoutTests.
 */
#include <stdio.h>
#include <stddef.h>
#ifdef WINDOWS_LAYOUT
#define CRYPTOKI_FORCE_WIN32 1
#define __declspec(x)
#define long /* unsigned long -> unsigned: CK_ULONG of LLP64 */
#endif
#include <p11-kit/pkcs11.h>
#undef long
#define S(t) printf(#t " %zu", sizeof(t));
#define O(t,f) printf(" %zu", offsetof(t,f));
#define E printf("\n");
int main(void) {
  S(CK_ATTRIBUTE) O(CK_ATTRIBUTE,type) O(CK_ATTRIBUTE,pValue) O(CK_ATTRIBUTE,ulValueLen) E
  S(CK_MECHANISM) O(CK_MECHANISM,mechanism) O(CK_MECHANISM,pParameter) O(CK_MECHANISM,ulParameterLen) E
  S(CK_INFO) O(CK_INFO,cryptokiVersion) O(CK_INFO,manufacturerID) O(CK_INFO,flags) O(CK_INFO,libraryDescription) O(CK_INFO,libraryVersion) E
  S(CK_SLOT_INFO) O(CK_SLOT_INFO,slotDescription) O(CK_SLOT_INFO,manufacturerID) O(CK_SLOT_INFO,flags) O(CK_SLOT_INFO,hardwareVersion) O(CK_SLOT_INFO,firmwareVersion) E
  S(CK_TOKEN_INFO) O(CK_TOKEN_INFO,label) O(CK_TOKEN_INFO,manufacturerID) O(CK_TOKEN_INFO,model) O(CK_TOKEN_INFO,serialNumber) O(CK_TOKEN_INFO,flags)
    O(CK_TOKEN_INFO,ulMaxSessionCount) O(CK_TOKEN_INFO,ulSessionCount) O(CK_TOKEN_INFO,ulMaxRwSessionCount) O(CK_TOKEN_INFO,ulRwSessionCount)
    O(CK_TOKEN_INFO,ulMaxPinLen) O(CK_TOKEN_INFO,ulMinPinLen) O(CK_TOKEN_INFO,ulTotalPublicMemory) O(CK_TOKEN_INFO,ulFreePublicMemory)
    O(CK_TOKEN_INFO,ulTotalPrivateMemory) O(CK_TOKEN_INFO,ulFreePrivateMemory) O(CK_TOKEN_INFO,hardwareVersion) O(CK_TOKEN_INFO,firmwareVersion) O(CK_TOKEN_INFO,utcTime) E
  S(CK_SESSION_INFO) O(CK_SESSION_INFO,slotID) O(CK_SESSION_INFO,state) O(CK_SESSION_INFO,flags) O(CK_SESSION_INFO,ulDeviceError) E
  S(CK_MECHANISM_INFO) O(CK_MECHANISM_INFO,ulMinKeySize) O(CK_MECHANISM_INFO,ulMaxKeySize) O(CK_MECHANISM_INFO,flags) E
  S(CK_C_INITIALIZE_ARGS) O(CK_C_INITIALIZE_ARGS,CreateMutex) O(CK_C_INITIALIZE_ARGS,DestroyMutex) O(CK_C_INITIALIZE_ARGS,LockMutex) O(CK_C_INITIALIZE_ARGS,UnlockMutex) O(CK_C_INITIALIZE_ARGS,flags) O(CK_C_INITIALIZE_ARGS,pReserved) E
  S(CK_RSA_PKCS_PSS_PARAMS) O(CK_RSA_PKCS_PSS_PARAMS,hashAlg) O(CK_RSA_PKCS_PSS_PARAMS,mgf) O(CK_RSA_PKCS_PSS_PARAMS,sLen) E
  S(CK_RSA_PKCS_OAEP_PARAMS) O(CK_RSA_PKCS_OAEP_PARAMS,hashAlg) O(CK_RSA_PKCS_OAEP_PARAMS,mgf) O(CK_RSA_PKCS_OAEP_PARAMS,source) O(CK_RSA_PKCS_OAEP_PARAMS,pSourceData) O(CK_RSA_PKCS_OAEP_PARAMS,ulSourceDataLen) E
  S(CK_ECDH1_DERIVE_PARAMS) O(CK_ECDH1_DERIVE_PARAMS,kdf) O(CK_ECDH1_DERIVE_PARAMS,ulSharedDataLen) O(CK_ECDH1_DERIVE_PARAMS,pSharedData) O(CK_ECDH1_DERIVE_PARAMS,ulPublicDataLen) O(CK_ECDH1_DERIVE_PARAMS,pPublicData) E
  S(CK_GCM_PARAMS) O(CK_GCM_PARAMS,pIv) O(CK_GCM_PARAMS,ulIvLen) O(CK_GCM_PARAMS,ulIvBits) O(CK_GCM_PARAMS,pAAD) O(CK_GCM_PARAMS,ulAADLen) O(CK_GCM_PARAMS,ulTagBits) E
  S(CK_FUNCTION_LIST) O(CK_FUNCTION_LIST,C_Initialize) E
  return 0;
}
