using System.Runtime.CompilerServices;

namespace CardKit.Pkcs11.Native;

/// <summary>
/// CK_FUNCTION_LIST (PKCS#11 2.40 §5.16): a CK_VERSION then one pointer per function in the order of
/// the specification, aligned on Unix and packed on Windows. Scalars go as nuint and come back in
/// 8-byte cells, structures and CK_ULONG arrays as bytes laid out by <see cref="CkAbi"/> (see there
/// why that is exact on both ABIs); results are CK_RV at the module's width. Calls are cdecl:
/// pkcs11.h declares the functions with no calling convention, which is __cdecl on 32-bit Windows
/// (where .NET's default for unmanaged calls would be stdcall) and the only convention elsewhere.
/// </summary>
internal sealed unsafe class FunctionList
{
    private readonly void** _functions;

    private readonly CkAbi _abi;

    public FunctionList(nint list, CkAbi abi)
    {
        _abi = abi;
        _functions = (void**)(list + abi.FunctionListOffset);
    }

    // Indices into the table (PKCS#11 2.40 pkcs11f.h order). A module may leave a function it does
    // not implement NULL: that is CKR_FUNCTION_NOT_SUPPORTED, not a crash.
    private void* F(int index, [CallerMemberName] string function = "") =>
        Unsafe.ReadUnaligned<nint>(_functions + index) is var f and not 0 ? (void*)f : throw new Pkcs11Exception(ReturnValue.FunctionNotSupported, "C_" + function);

    private ulong R(nuint rv) => _abi.Result(rv);

    public ulong Initialize(void* args) => R(((delegate* unmanaged[Cdecl]<void*, nuint>)F(0))(args));
    public ulong Finalize() => R(((delegate* unmanaged[Cdecl]<void*, nuint>)F(1))(null));
    public ulong GetInfo(byte* info) => R(((delegate* unmanaged[Cdecl]<byte*, nuint>)F(2))(info));
    public ulong GetSlotList(byte tokenPresent, byte* slots, ulong* count) => R(((delegate* unmanaged[Cdecl]<byte, byte*, ulong*, nuint>)F(4))(tokenPresent, slots, count));
    public ulong GetSlotInfo(nuint slot, byte* info) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint>)F(5))(slot, info));
    public ulong GetTokenInfo(nuint slot, byte* info) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint>)F(6))(slot, info));
    public ulong GetMechanismList(nuint slot, byte* list, ulong* count) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, ulong*, nuint>)F(7))(slot, list, count));
    public ulong GetMechanismInfo(nuint slot, nuint type, byte* info) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, byte*, nuint>)F(8))(slot, type, info));
    public ulong InitToken(nuint slot, byte* soPin, nuint soPinLength, byte* label) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, nuint>)F(9))(slot, soPin, soPinLength, label));
    public ulong InitPin(nuint session, byte* pin, nuint pinLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(10))(session, pin, pinLength));
    public ulong SetPin(nuint session, byte* oldPin, nuint oldLength, byte* newPin, nuint newLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, nuint, nuint>)F(11))(session, oldPin, oldLength, newPin, newLength));
    public ulong WaitForSlotEvent(nuint flags, ulong* slot) => R(((delegate* unmanaged[Cdecl]<nuint, ulong*, void*, nuint>)F(67))(flags, slot, null));
    public ulong OpenSession(nuint slot, nuint flags, ulong* session) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, void*, void*, ulong*, nuint>)F(12))(slot, flags, null, null, session));
    public ulong CloseSession(nuint session) => R(((delegate* unmanaged[Cdecl]<nuint, nuint>)F(13))(session));
    public ulong Login(nuint session, nuint userType, byte* pin, nuint pinLength) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, byte*, nuint, nuint>)F(18))(session, userType, pin, pinLength));
    public ulong Logout(nuint session) => R(((delegate* unmanaged[Cdecl]<nuint, nuint>)F(19))(session));
    public ulong CreateObject(nuint session, byte* template, nuint count, ulong* handle) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, ulong*, nuint>)F(20))(session, template, count, handle));
    public ulong CopyObject(nuint session, nuint handle, byte* template, nuint count, ulong* copy) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, byte*, nuint, ulong*, nuint>)F(21))(session, handle, template, count, copy));
    public ulong SetAttributeValue(nuint session, nuint handle, byte* template, nuint count) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, byte*, nuint, nuint>)F(25))(session, handle, template, count));
    public ulong EncryptInit(nuint session, byte* mechanism, nuint key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(29))(session, mechanism, key));
    public ulong Encrypt(nuint session, byte* data, nuint length, byte* output, ulong* outputLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, ulong*, nuint>)F(30))(session, data, length, output, outputLength));
    public ulong DecryptInit(nuint session, byte* mechanism, nuint key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(33))(session, mechanism, key));
    public ulong Decrypt(nuint session, byte* data, nuint length, byte* output, ulong* outputLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, ulong*, nuint>)F(34))(session, data, length, output, outputLength));
    public ulong DigestInit(nuint session, byte* mechanism) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint>)F(37))(session, mechanism));
    public ulong Digest(nuint session, byte* data, nuint length, byte* output, ulong* outputLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, ulong*, nuint>)F(38))(session, data, length, output, outputLength));
    public ulong GenerateKey(nuint session, byte* mechanism, byte* template, nuint count, ulong* key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, byte*, nuint, ulong*, nuint>)F(58))(session, mechanism, template, count, key));
    public ulong WrapKey(nuint session, byte* mechanism, nuint wrappingKey, nuint key, byte* wrapped, ulong* wrappedLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint, byte*, ulong*, nuint>)F(60))(session, mechanism, wrappingKey, key, wrapped, wrappedLength));
    public ulong UnwrapKey(nuint session, byte* mechanism, nuint unwrappingKey, byte* wrapped, nuint wrappedLength, byte* template, nuint count, ulong* key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, nuint, byte*, nuint, ulong*, nuint>)F(61))(session, mechanism, unwrappingKey, wrapped, wrappedLength, template, count, key));
    public ulong DeriveKey(nuint session, byte* mechanism, nuint baseKey, byte* template, nuint count, ulong* key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, nuint, ulong*, nuint>)F(62))(session, mechanism, baseKey, template, count, key));
    public ulong DestroyObject(nuint session, nuint handle) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, nuint>)F(22))(session, handle));
    public ulong GetAttributeValue(nuint session, nuint handle, byte* template, nuint count) => R(((delegate* unmanaged[Cdecl]<nuint, nuint, byte*, nuint, nuint>)F(24))(session, handle, template, count));
    public ulong FindObjectsInit(nuint session, byte* template, nuint count) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(26))(session, template, count));
    public ulong FindObjects(nuint session, byte* handles, nuint max, ulong* count) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, ulong*, nuint>)F(27))(session, handles, max, count));
    public ulong FindObjectsFinal(nuint session) => R(((delegate* unmanaged[Cdecl]<nuint, nuint>)F(28))(session));
    public ulong SignInit(nuint session, byte* mechanism, nuint key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(42))(session, mechanism, key));
    public ulong Sign(nuint session, byte* data, nuint length, byte* signature, ulong* signatureLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, ulong*, nuint>)F(43))(session, data, length, signature, signatureLength));
    public ulong VerifyInit(nuint session, byte* mechanism, nuint key) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(48))(session, mechanism, key));
    public ulong Verify(nuint session, byte* data, nuint length, byte* signature, nuint signatureLength) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, byte*, nuint, nuint>)F(49))(session, data, length, signature, signatureLength));
    public ulong GenerateKeyPair(nuint session, byte* mechanism, byte* publicTemplate, nuint publicCount, byte* privateTemplate, nuint privateCount, ulong* publicKey, ulong* privateKey) =>
        R(((delegate* unmanaged[Cdecl]<nuint, byte*, byte*, nuint, byte*, nuint, ulong*, ulong*, nuint>)F(59))(session, mechanism, publicTemplate, publicCount, privateTemplate, privateCount, publicKey, privateKey));
    public ulong GenerateRandom(nuint session, byte* data, nuint length) => R(((delegate* unmanaged[Cdecl]<nuint, byte*, nuint, nuint>)F(64))(session, data, length));
}
