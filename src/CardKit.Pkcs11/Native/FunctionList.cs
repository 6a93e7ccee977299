namespace CardKit.Pkcs11.Native;

/// <summary>
/// CK_FUNCTION_LIST (PKCS#11 2.40 §5.16): a CK_VERSION then one pointer per function in the order of
/// the specification. The first pointer sits at offset 8 on Unix (natural alignment) and 2 on
/// Windows (packed). CardKit calls through these pointers with the Unix CK_ULONG (nuint).
/// </summary>
internal sealed unsafe class FunctionList
{
    private readonly void** _functions;

    public FunctionList(nint list)
    {
        var offset = OperatingSystem.IsWindows() ? 2 : IntPtr.Size;
        _functions = (void**)(list + offset);
        Version = *(CkVersion*)list;
    }

    public CkVersion Version { get; }

    // Indices into the table (PKCS#11 2.40 pkcs11f.h order).
    private void* F(int index) => _functions[index];

    public nuint Initialize(void* args) => ((delegate* unmanaged<void*, nuint>)F(0))(args);
    public nuint Finalize() => ((delegate* unmanaged<void*, nuint>)F(1))(null);
    public nuint GetInfo(CkInfo* info) => ((delegate* unmanaged<CkInfo*, nuint>)F(2))(info);
    public nuint GetSlotList(byte tokenPresent, nuint* slots, nuint* count) => ((delegate* unmanaged<byte, nuint*, nuint*, nuint>)F(4))(tokenPresent, slots, count);
    public nuint GetSlotInfo(nuint slot, CkSlotInfo* info) => ((delegate* unmanaged<nuint, CkSlotInfo*, nuint>)F(5))(slot, info);
    public nuint GetTokenInfo(nuint slot, CkTokenInfo* info) => ((delegate* unmanaged<nuint, CkTokenInfo*, nuint>)F(6))(slot, info);
    public nuint GetMechanismList(nuint slot, nuint* list, nuint* count) => ((delegate* unmanaged<nuint, nuint*, nuint*, nuint>)F(7))(slot, list, count);
    public nuint GetMechanismInfo(nuint slot, nuint type, CkMechanismInfo* info) => ((delegate* unmanaged<nuint, nuint, CkMechanismInfo*, nuint>)F(8))(slot, type, info);
    public nuint InitToken(nuint slot, byte* soPin, nuint soPinLength, byte* label) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint>)F(9))(slot, soPin, soPinLength, label);
    public nuint InitPin(nuint session, byte* pin, nuint pinLength) => ((delegate* unmanaged<nuint, byte*, nuint, nuint>)F(10))(session, pin, pinLength);
    public nuint SetPin(nuint session, byte* oldPin, nuint oldLength, byte* newPin, nuint newLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint, nuint>)F(11))(session, oldPin, oldLength, newPin, newLength);
    public nuint WaitForSlotEvent(nuint flags, nuint* slot) => ((delegate* unmanaged<nuint, nuint*, void*, nuint>)F(67))(flags, slot, null);
    public nuint OpenSession(nuint slot, nuint flags, nuint* session) => ((delegate* unmanaged<nuint, nuint, void*, void*, nuint*, nuint>)F(12))(slot, flags, null, null, session);
    public nuint CloseSession(nuint session) => ((delegate* unmanaged<nuint, nuint>)F(13))(session);
    public nuint Login(nuint session, nuint userType, byte* pin, nuint pinLength) => ((delegate* unmanaged<nuint, nuint, byte*, nuint, nuint>)F(18))(session, userType, pin, pinLength);
    public nuint Logout(nuint session) => ((delegate* unmanaged<nuint, nuint>)F(19))(session);
    public nuint CreateObject(nuint session, CkAttribute* template, nuint count, nuint* handle) => ((delegate* unmanaged<nuint, CkAttribute*, nuint, nuint*, nuint>)F(20))(session, template, count, handle);
    public nuint CopyObject(nuint session, nuint handle, CkAttribute* template, nuint count, nuint* copy) => ((delegate* unmanaged<nuint, nuint, CkAttribute*, nuint, nuint*, nuint>)F(21))(session, handle, template, count, copy);
    public nuint SetAttributeValue(nuint session, nuint handle, CkAttribute* template, nuint count) => ((delegate* unmanaged<nuint, nuint, CkAttribute*, nuint, nuint>)F(25))(session, handle, template, count);
    public nuint EncryptInit(nuint session, CkMechanism* mechanism, nuint key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, nuint>)F(29))(session, mechanism, key);
    public nuint Encrypt(nuint session, byte* data, nuint length, byte* output, nuint* outputLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint>)F(30))(session, data, length, output, outputLength);
    public nuint DecryptInit(nuint session, CkMechanism* mechanism, nuint key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, nuint>)F(33))(session, mechanism, key);
    public nuint Decrypt(nuint session, byte* data, nuint length, byte* output, nuint* outputLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint>)F(34))(session, data, length, output, outputLength);
    public nuint DigestInit(nuint session, CkMechanism* mechanism) => ((delegate* unmanaged<nuint, CkMechanism*, nuint>)F(37))(session, mechanism);
    public nuint Digest(nuint session, byte* data, nuint length, byte* output, nuint* outputLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint>)F(38))(session, data, length, output, outputLength);
    public nuint GenerateKey(nuint session, CkMechanism* mechanism, CkAttribute* template, nuint count, nuint* key) => ((delegate* unmanaged<nuint, CkMechanism*, CkAttribute*, nuint, nuint*, nuint>)F(58))(session, mechanism, template, count, key);
    public nuint WrapKey(nuint session, CkMechanism* mechanism, nuint wrappingKey, nuint key, byte* wrapped, nuint* wrappedLength) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, nuint, byte*, nuint*, nuint>)F(60))(session, mechanism, wrappingKey, key, wrapped, wrappedLength);
    public nuint UnwrapKey(nuint session, CkMechanism* mechanism, nuint unwrappingKey, byte* wrapped, nuint wrappedLength, CkAttribute* template, nuint count, nuint* key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, byte*, nuint, CkAttribute*, nuint, nuint*, nuint>)F(61))(session, mechanism, unwrappingKey, wrapped, wrappedLength, template, count, key);
    public nuint DeriveKey(nuint session, CkMechanism* mechanism, nuint baseKey, CkAttribute* template, nuint count, nuint* key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, CkAttribute*, nuint, nuint*, nuint>)F(62))(session, mechanism, baseKey, template, count, key);
    public nuint DestroyObject(nuint session, nuint handle) => ((delegate* unmanaged<nuint, nuint, nuint>)F(22))(session, handle);
    public nuint GetAttributeValue(nuint session, nuint handle, CkAttribute* template, nuint count) => ((delegate* unmanaged<nuint, nuint, CkAttribute*, nuint, nuint>)F(24))(session, handle, template, count);
    public nuint FindObjectsInit(nuint session, CkAttribute* template, nuint count) => ((delegate* unmanaged<nuint, CkAttribute*, nuint, nuint>)F(26))(session, template, count);
    public nuint FindObjects(nuint session, nuint* handles, nuint max, nuint* count) => ((delegate* unmanaged<nuint, nuint*, nuint, nuint*, nuint>)F(27))(session, handles, max, count);
    public nuint FindObjectsFinal(nuint session) => ((delegate* unmanaged<nuint, nuint>)F(28))(session);
    public nuint SignInit(nuint session, CkMechanism* mechanism, nuint key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, nuint>)F(42))(session, mechanism, key);
    public nuint Sign(nuint session, byte* data, nuint length, byte* signature, nuint* signatureLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint>)F(43))(session, data, length, signature, signatureLength);
    public nuint VerifyInit(nuint session, CkMechanism* mechanism, nuint key) => ((delegate* unmanaged<nuint, CkMechanism*, nuint, nuint>)F(48))(session, mechanism, key);
    public nuint Verify(nuint session, byte* data, nuint length, byte* signature, nuint signatureLength) => ((delegate* unmanaged<nuint, byte*, nuint, byte*, nuint, nuint>)F(49))(session, data, length, signature, signatureLength);
    public nuint GenerateKeyPair(nuint session, CkMechanism* mechanism, CkAttribute* publicTemplate, nuint publicCount, CkAttribute* privateTemplate, nuint privateCount, nuint* publicKey, nuint* privateKey) =>
        ((delegate* unmanaged<nuint, CkMechanism*, CkAttribute*, nuint, CkAttribute*, nuint, nuint*, nuint*, nuint>)F(59))(session, mechanism, publicTemplate, publicCount, privateTemplate, privateCount, publicKey, privateKey);
    public nuint GenerateRandom(nuint session, byte* data, nuint length) => ((delegate* unmanaged<nuint, byte*, nuint, nuint>)F(64))(session, data, length);
}
