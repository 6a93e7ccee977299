using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A session: login, object search, typed attributes, key generation, signatures, encryption,
/// random. Variable-length output uses the two-call size pattern. Not thread-safe (PKCS#11
/// sessions are not).
/// </summary>
public sealed unsafe class Pkcs11Session : IDisposable
{
    private readonly nuint _handle;
    private bool _closed;

    internal Pkcs11Session(Pkcs11Slot slot, SessionHandle handle)
    {
        Slot = slot;
        Handle = handle;
        _handle = handle.Value;
    }

    /// <summary>The slot whose token the session is with.</summary>
    public Pkcs11Slot Slot { get; }

    /// <summary>The session's handle.</summary>
    public SessionHandle Handle { get; }

    private FunctionList F => Slot.Module.Functions;

    private CkAbi Abi => Slot.Module.Abi;

    /// <summary>C_Login; CKR_USER_ALREADY_LOGGED_IN is fine.</summary>
    /// <exception cref="WrongPinException">The PIN is wrong; it says how the token counts tries.</exception>
    /// <exception cref="Pkcs11Exception">Another failure (CKR_PIN_LOCKED, ...).</exception>
    public void Login(string pin, UserType userType = UserType.User)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var bytes = Encoding.UTF8.GetBytes(pin);
        ReturnValue rv;
        fixed (byte* p = bytes)
            rv = (ReturnValue)F.Login(_handle, (nuint)userType, p, (nuint)bytes.Length);
        CryptographicOperations.ZeroMemory(bytes);
        if (rv is ReturnValue.Ok or ReturnValue.UserAlreadyLoggedIn)
            return;
        if (rv == ReturnValue.PinIncorrect)
            throw new WrongPinException(userType, Slot.GetTokenInfo().TriesLeft(userType));
        throw new Pkcs11Exception(rv, "C_Login");
    }

    /// <summary>C_Logout.</summary>
    public void Logout() => F.Logout(_handle);

    /// <summary>C_InitPIN: sets the user PIN (the session must be logged in as SO).</summary>
    public void InitPin(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var bytes = Encoding.UTF8.GetBytes(pin);
        fixed (byte* p = bytes)
            Pkcs11Module.Check(F.InitPin(_handle, p, (nuint)bytes.Length), "C_InitPIN");
    }

    /// <summary>C_SetPIN: changes the PIN of the logged-in user.</summary>
    public void ChangePin(string oldPin, string newPin)
    {
        ArgumentNullException.ThrowIfNull(oldPin);
        ArgumentNullException.ThrowIfNull(newPin);
        var o = Encoding.UTF8.GetBytes(oldPin);
        var n = Encoding.UTF8.GetBytes(newPin);
        fixed (byte* po = o)
        fixed (byte* pn = n)
            Pkcs11Module.Check(F.SetPin(_handle, po, (nuint)o.Length, pn, (nuint)n.Length), "C_SetPIN");
    }

    /// <summary>
    /// Stores a software RSA or EC key pair on the token (private key sensitive and not extractable,
    /// public key next to it), e.g. to move a key into a token once.
    /// </summary>
    public (ObjectHandle PublicKey, ObjectHandle PrivateKey) ImportKeyPair(AsymmetricAlgorithm key, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(key);
        var common = new List<AttributeValue> { AttributeValue.Bool(AttributeType.Token, true), AttributeValue.Text(AttributeType.Label, label), AttributeValue.Bytes(AttributeType.Id, id) };
        List<AttributeValue> publicTemplate, privateTemplate;
        switch (key)
        {
            case RSA rsa:
                var p = rsa.ExportParameters(includePrivateParameters: true);
                publicTemplate = [.. common, AttributeValue.Of(ObjectClass.PublicKey), AttributeValue.Of(KeyType.Rsa),
                    AttributeValue.Bool(AttributeType.Verify, true), AttributeValue.Bytes(AttributeType.Modulus, p.Modulus!), AttributeValue.Bytes(AttributeType.PublicExponent, p.Exponent!)];
                privateTemplate = [.. common, AttributeValue.Of(ObjectClass.PrivateKey), AttributeValue.Of(KeyType.Rsa),
                    AttributeValue.Bool(AttributeType.Sign, true), AttributeValue.Bool(AttributeType.Decrypt, true), AttributeValue.Bool(AttributeType.Private, true),
                    AttributeValue.Bool(AttributeType.Sensitive, true), AttributeValue.Bool(AttributeType.Extractable, false),
                    AttributeValue.Bytes(AttributeType.Modulus, p.Modulus!), AttributeValue.Bytes(AttributeType.PublicExponent, p.Exponent!),
                    AttributeValue.Bytes(AttributeType.PrivateExponent, p.D!), AttributeValue.Bytes(AttributeType.Prime1, p.P!), AttributeValue.Bytes(AttributeType.Prime2, p.Q!),
                    AttributeValue.Bytes(AttributeType.Exponent1, p.DP!), AttributeValue.Bytes(AttributeType.Exponent2, p.DQ!), AttributeValue.Bytes(AttributeType.Coefficient, p.InverseQ!)];
                break;
            case ECDsa ec:
                var e = ec.ExportParameters(includePrivateParameters: true);
                var oid = e.Curve.Oid.Value ?? throw new ArgumentException("only named curves can be imported", nameof(key));
                var curve = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
                curve.WriteObjectIdentifier(oid);
                var point = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
                point.WriteOctetString([0x04, .. e.Q.X!, .. e.Q.Y!]);
                publicTemplate = [.. common, AttributeValue.Of(ObjectClass.PublicKey), AttributeValue.Of(KeyType.Ec),
                    AttributeValue.Bool(AttributeType.Verify, true), AttributeValue.Bytes(AttributeType.EcParams, curve.Encode()), AttributeValue.Bytes(AttributeType.EcPoint, point.Encode())];
                privateTemplate = [.. common, AttributeValue.Of(ObjectClass.PrivateKey), AttributeValue.Of(KeyType.Ec),
                    AttributeValue.Bool(AttributeType.Sign, true), AttributeValue.Bool(AttributeType.Derive, true), AttributeValue.Bool(AttributeType.Private, true),
                    AttributeValue.Bool(AttributeType.Sensitive, true), AttributeValue.Bool(AttributeType.Extractable, false),
                    AttributeValue.Bytes(AttributeType.EcParams, curve.Encode()), AttributeValue.Bytes(AttributeType.Value, e.D!)];
                break;
            default:
                throw new ArgumentException("only RSA and EC keys can be imported", nameof(key));
        }
        var publicKey = CreateObject(publicTemplate);
        try
        {
            return (publicKey, CreateObject(privateTemplate));
        }
        catch
        {
            DestroyObject(publicKey); // nothing half-written
            throw;
        }
    }

    /// <summary>Stores an X.509 certificate (DER) as a token object with label and id (PKCS#11 2.40 §4.6.3).</summary>
    public ObjectHandle ImportCertificate(X509Certificate2 certificate, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return CreateObject(
        [
            AttributeValue.Of(ObjectClass.Certificate),
            AttributeValue.Of(CertificateType.X509),
            AttributeValue.Bool(AttributeType.Token, true),
            AttributeValue.Text(AttributeType.Label, label),
            AttributeValue.Bytes(AttributeType.Id, id),
            AttributeValue.Bytes(AttributeType.Subject, certificate.SubjectName.RawData),
            AttributeValue.Bytes(AttributeType.Issuer, certificate.IssuerName.RawData),
            AttributeValue.Bytes(AttributeType.Value, certificate.RawData),
        ]);
    }

    /// <summary>Every object matching <paramref name="template"/> (C_FindObjects in batches of 64).</summary>
    public IReadOnlyList<ObjectHandle> FindObjects(IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var t = new Template(Abi, template);
        Pkcs11Module.Check(F.FindObjectsInit(_handle, t.Pointer, t.Count), "C_FindObjectsInit");
        var result = new List<ObjectHandle>();
        try
        {
            const int BatchSize = 64;
            var batch = stackalloc byte[BatchSize * Abi.UlongSize];
            while (true)
            {
                ulong count = 0;
                Pkcs11Module.Check(F.FindObjects(_handle, batch, BatchSize, &count), "C_FindObjects");
                for (var i = 0; i < (int)count; i++)
                    result.Add(new ObjectHandle((nuint)Abi.ReadUlong(batch + i * Abi.UlongSize)));
                if (count < BatchSize)
                    break;
            }
        }
        finally
        {
            F.FindObjectsFinal(_handle);
        }
        return result;
    }

    /// <summary>
    /// C_GetAttributeValue for <paramref name="types"/> in one go. An attribute the object does not
    /// reveal or does not have comes back with that <see cref="ObjectAttribute.Status"/> instead of
    /// failing the whole call (base specification §5.7: the module marks each such attribute
    /// CK_UNAVAILABLE_INFORMATION and returns one code for the call; when several are unavailable
    /// each is asked alone to learn its reason).
    /// </summary>
    public ObjectAttributes GetAttributes(ObjectHandle handle, params ReadOnlySpan<AttributeType> types)
    {
        var count = types.Length;
        using var template = new Template(Abi, count);
        for (var i = 0; i < count; i++)
            template.Set(i, (ulong)types[i], null, 0);
        var rv = (ReturnValue)F.GetAttributeValue(_handle, handle.Value, template.Pointer, template.Count);
        if (rv is not (ReturnValue.Ok or ReturnValue.AttributeSensitive or ReturnValue.AttributeTypeInvalid or ReturnValue.BufferTooSmall))
            throw new Pkcs11Exception(rv, "C_GetAttributeValue");
        var lengths = new ulong?[count];
        var statuses = new AttributeStatus[count];
        ulong total = 0;
        var unavailable = 0;
        for (var i = 0; i < count; i++)
        {
            lengths[i] = template.Length(i);
            if (lengths[i] is { } length)
                total += length;
            else
                unavailable++;
        }
        for (var i = 0; i < count; i++)
        {
            if (lengths[i] is null)
                statuses[i] = unavailable == 1 ? StatusOf(rv) : StatusOf(Probe(handle, types[i]));
        }
        var values = new byte[checked((int)total)];
        if (total > 0)
        {
            fixed (byte* start = values)
            {
                var offset = 0;
                for (var i = 0; i < count; i++)
                {
                    var length = (int)(lengths[i] ?? 0);
                    template.Set(i, (ulong)types[i], length == 0 ? null : start + offset, (ulong)length);
                    offset += length;
                }
                rv = (ReturnValue)F.GetAttributeValue(_handle, handle.Value, template.Pointer, template.Count);
            }
            if (rv is not (ReturnValue.Ok or ReturnValue.AttributeSensitive or ReturnValue.AttributeTypeInvalid))
                throw new Pkcs11Exception(rv, "C_GetAttributeValue");
        }
        var result = new ObjectAttribute[count];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (lengths[i] is not { } asked)
            {
                result[i] = new ObjectAttribute(types[i], statuses[i], []);
                continue;
            }
            // The module writes the value's true length back, which may be shorter than it first said.
            var written = asked == 0 ? 0 : (int)Math.Min(template.Length(i) ?? asked, asked);
            result[i] = new ObjectAttribute(types[i], AttributeStatus.Present, values.AsSpan(at, written).ToArray());
            at += (int)asked;
        }
        return new ObjectAttributes(result);
    }

    /// <summary>One attribute (see <see cref="GetAttributes"/>).</summary>
    public ObjectAttribute GetAttribute(ObjectHandle handle, AttributeType type) => GetAttributes(handle, type)[0];

    private ReturnValue Probe(ObjectHandle handle, AttributeType type)
    {
        using var template = new Template(Abi, 1);
        template.Set(0, (ulong)type, null, 0);
        return (ReturnValue)F.GetAttributeValue(_handle, handle.Value, template.Pointer, template.Count);
    }

    private static AttributeStatus StatusOf(ReturnValue rv) => rv switch
    {
        ReturnValue.AttributeSensitive => AttributeStatus.Sensitive,
        ReturnValue.AttributeTypeInvalid => AttributeStatus.Absent,
        _ => AttributeStatus.Unavailable,
    };

    /// <summary>Refuses an id that objects on the token already have, so that a new key pair is not confused with them.</summary>
    /// <exception cref="ObjectIdInUseException">Some object has <paramref name="id"/>.</exception>
    public void ThrowIfIdInUse(byte[] id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var existing = FindObjects([AttributeValue.Bytes(AttributeType.Id, id)]);
        if (existing.Count > 0)
            throw new ObjectIdInUseException(id, existing.Count);
    }

    /// <summary>C_GenerateKeyPair for RSA (bits), EC (named curve OID, DER) or Ed25519, on the token, the private key sensitive and not extractable.</summary>
    public (ObjectHandle PublicKey, ObjectHandle PrivateKey) GenerateKeyPair(KeySpec spec, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(id);
        var common = new List<AttributeValue> { AttributeValue.Bool(AttributeType.Token, true), AttributeValue.Text(AttributeType.Label, label), AttributeValue.Bytes(AttributeType.Id, id) };
        var publicTemplate = new List<AttributeValue>(common) { AttributeValue.Bool(AttributeType.Verify, true) };
        var privateTemplate = new List<AttributeValue>(common)
        {
            AttributeValue.Bool(AttributeType.Sign, true), AttributeValue.Bool(AttributeType.Private, true),
            AttributeValue.Bool(AttributeType.Sensitive, true), AttributeValue.Bool(AttributeType.Extractable, false),
        };
        MechanismType mechanism;
        if (spec.RsaBits is { } bits)
        {
            mechanism = MechanismType.RsaPkcsKeyPairGen;
            publicTemplate.Add(AttributeValue.Bool(AttributeType.Encrypt, true));
            privateTemplate.Add(AttributeValue.Bool(AttributeType.Decrypt, true));
            publicTemplate.Add(AttributeValue.Number(AttributeType.ModulusBits, (ulong)bits));
            publicTemplate.Add(AttributeValue.Bytes(AttributeType.PublicExponent, [0x01, 0x00, 0x01]));
        }
        else
        {
            mechanism = spec.IsEdwards ? MechanismType.EcEdwardsKeyPairGen : MechanismType.EcKeyPairGen;
            if (!spec.IsEdwards)
                privateTemplate.Add(AttributeValue.Bool(AttributeType.Derive, true));
            publicTemplate.Add(AttributeValue.Bytes(AttributeType.EcParams, spec.EcParameters!));
        }
        using var pub = new Template(Abi, publicTemplate);
        using var priv = new Template(Abi, privateTemplate);
        using var m = new NativeMechanism(Abi, mechanism);
        ulong publicKey = 0, privateKey = 0;
        Check(F.GenerateKeyPair(_handle, m.Pointer, pub.Pointer, pub.Count, priv.Pointer, priv.Count, &publicKey, &privateKey), "C_GenerateKeyPair", Mechanisms.Name(mechanism), MechanismFlags.GenerateKeyPair);
        return (new ObjectHandle((nuint)publicKey), new ObjectHandle((nuint)privateKey));
    }

    /// <summary>C_SignInit + C_Sign (two calls: size, then signature).</summary>
    public byte[] Sign(SignatureScheme scheme, ObjectHandle privateKey, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var input = scheme.Prepare(data);
        using var mechanism = new NativeMechanism(Abi, scheme);
        Check(F.SignInit(_handle, mechanism.Pointer, privateKey.Value), "C_SignInit", scheme.Name, MechanismFlags.Sign);
        fixed (byte* p = input)
        {
            var (session, functions, length) = (_handle, F, (nuint)input.Length);
            var pointer = p;
            return TwoCall.Bytes((output, outputLength) => functions.Sign(session, pointer, length, output, outputLength), "C_Sign");
        }
    }

    /// <summary>Signs already prepared data into a caller buffer with no allocation (loops, benchmarks); returns the length.</summary>
    public int Sign(NativeMechanism mechanism, ObjectHandle privateKey, ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        if (mechanism.Abi != Abi)
            throw new ArgumentException("the mechanism was built for another module", nameof(mechanism));
        Pkcs11Module.Check(F.SignInit(_handle, mechanism.Pointer, privateKey.Value), "C_SignInit");
        var length = (ulong)signature.Length;
        fixed (byte* p = data)
        fixed (byte* s = signature)
            Pkcs11Module.Check(F.Sign(_handle, p, (nuint)data.Length, s, &length), "C_Sign");
        return (int)length;
    }

    /// <summary>C_VerifyInit + C_Verify; false for CKR_SIGNATURE_INVALID or a wrong length.</summary>
    public bool Verify(SignatureScheme scheme, ObjectHandle publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var input = scheme.Prepare(data);
        using var mechanism = new NativeMechanism(Abi, scheme);
        Check(F.VerifyInit(_handle, mechanism.Pointer, publicKey.Value), "C_VerifyInit", scheme.Name, MechanismFlags.Verify);
        ReturnValue rv;
        fixed (byte* p = input)
        fixed (byte* s = signature)
            rv = (ReturnValue)F.Verify(_handle, p, (nuint)input.Length, s, (nuint)signature.Length);
        if (rv is ReturnValue.SignatureInvalid or ReturnValue.SignatureLenRange)
            return false;
        Pkcs11Module.Check((ulong)rv, "C_Verify");
        return true;
    }

    /// <summary>C_EncryptInit + C_Encrypt (two calls: size, then data).</summary>
    public byte[] Encrypt(Mechanism mechanism, ObjectHandle key, ReadOnlySpan<byte> data) => Crypt(mechanism, key, data, encrypt: true);

    /// <summary>C_DecryptInit + C_Decrypt (two calls: size, then data).</summary>
    public byte[] Decrypt(Mechanism mechanism, ObjectHandle key, ReadOnlySpan<byte> data) => Crypt(mechanism, key, data, encrypt: false);

    private byte[] Crypt(Mechanism mechanism, ObjectHandle key, ReadOnlySpan<byte> data, bool encrypt)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        var name = encrypt ? "C_Encrypt" : "C_Decrypt";
        Check(encrypt ? F.EncryptInit(_handle, m.Pointer, key.Value) : F.DecryptInit(_handle, m.Pointer, key.Value), name + "Init", mechanism.Name,
            encrypt ? MechanismFlags.Encrypt : MechanismFlags.Decrypt);
        fixed (byte* p = data)
        {
            var (session, functions, length) = (_handle, F, (nuint)data.Length);
            var pointer = p;
            return TwoCall.Bytes((output, outputLength) => encrypt
                ? functions.Encrypt(session, pointer, length, output, outputLength)
                : functions.Decrypt(session, pointer, length, output, outputLength), name);
        }
    }

    /// <summary>C_DigestInit + C_Digest.</summary>
    public byte[] Digest(Mechanism mechanism, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        Check(F.DigestInit(_handle, m.Pointer), "C_DigestInit", mechanism.Name, MechanismFlags.Digest);
        fixed (byte* p = data)
        {
            var (session, functions, length) = (_handle, F, (nuint)data.Length);
            var pointer = p;
            return TwoCall.Bytes((output, outputLength) => functions.Digest(session, pointer, length, output, outputLength), "C_Digest");
        }
    }

    /// <summary>C_GenerateKey for an AES key of <paramref name="bits"/> (128, 192, 256) on the token.</summary>
    public ObjectHandle GenerateAesKey(int bits, string label, byte[] id, bool extractable = false)
    {
        if (bits is not (128 or 192 or 256))
            throw new ArgumentException("AES keys are 128, 192 or 256 bits", nameof(bits));
        using var t = new Template(Abi,
        [
            AttributeValue.Of(ObjectClass.SecretKey), AttributeValue.Of(KeyType.Aes),
            AttributeValue.Number(AttributeType.ValueLen, (ulong)(bits / 8)), AttributeValue.Bool(AttributeType.Token, true),
            AttributeValue.Text(AttributeType.Label, label), AttributeValue.Bytes(AttributeType.Id, id),
            AttributeValue.Bool(AttributeType.Encrypt, true), AttributeValue.Bool(AttributeType.Decrypt, true),
            AttributeValue.Bool(AttributeType.Wrap, true), AttributeValue.Bool(AttributeType.Unwrap, true),
            AttributeValue.Bool(AttributeType.Sensitive, true), AttributeValue.Bool(AttributeType.Extractable, extractable),
        ]);
        using var m = new NativeMechanism(Abi, MechanismType.AesKeyGen);
        ulong key = 0;
        Check(F.GenerateKey(_handle, m.Pointer, t.Pointer, t.Count, &key), "C_GenerateKey", Mechanisms.Name(MechanismType.AesKeyGen), MechanismFlags.Generate);
        return new ObjectHandle((nuint)key);
    }

    /// <summary>C_WrapKey: <paramref name="key"/> encrypted under <paramref name="wrappingKey"/>.</summary>
    public byte[] WrapKey(Mechanism mechanism, ObjectHandle wrappingKey, ObjectHandle key)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        var (session, functions, wrapping, wrapped) = (_handle, F, wrappingKey.Value, key.Value);
        var pointer = m.Pointer;
        var first = true;
        return TwoCall.Bytes((output, length) =>
        {
            var rv = functions.WrapKey(session, pointer, wrapping, wrapped, output, length);
            if (first)
                Check(rv, "C_WrapKey", mechanism.Name, MechanismFlags.Wrap); // the first call is where a missing mechanism shows
            first = false;
            return rv;
        }, "C_WrapKey");
    }

    /// <summary>C_UnwrapKey: a new key object from <paramref name="wrapped"/> with <paramref name="template"/>.</summary>
    public ObjectHandle UnwrapKey(Mechanism mechanism, ObjectHandle unwrappingKey, ReadOnlySpan<byte> wrapped, IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(template);
        using var m = mechanism.Build(Abi);
        using var t = new Template(Abi, template);
        ulong key = 0;
        fixed (byte* w = wrapped)
            Check(F.UnwrapKey(_handle, m.Pointer, unwrappingKey.Value, w, (nuint)wrapped.Length, t.Pointer, t.Count, &key), "C_UnwrapKey", mechanism.Name, MechanismFlags.Unwrap);
        return new ObjectHandle((nuint)key);
    }

    /// <summary>C_DeriveKey (e.g. ECDH): a new key object from <paramref name="baseKey"/>.</summary>
    public ObjectHandle DeriveKey(Mechanism mechanism, ObjectHandle baseKey, IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(template);
        using var m = mechanism.Build(Abi);
        using var t = new Template(Abi, template);
        ulong key = 0;
        Check(F.DeriveKey(_handle, m.Pointer, baseKey.Value, t.Pointer, t.Count, &key), "C_DeriveKey", mechanism.Name, MechanismFlags.Derive);
        return new ObjectHandle((nuint)key);
    }

    /// <summary>C_SetAttributeValue.</summary>
    public void SetAttributes(ObjectHandle handle, IReadOnlyList<AttributeValue> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        using var t = new Template(Abi, attributes);
        Pkcs11Module.Check(F.SetAttributeValue(_handle, handle.Value, t.Pointer, t.Count), "C_SetAttributeValue");
    }

    /// <summary>C_CopyObject with attributes changed in the copy.</summary>
    public ObjectHandle CopyObject(ObjectHandle handle, IReadOnlyList<AttributeValue> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var t = new Template(Abi, changes);
        ulong copy = 0;
        Pkcs11Module.Check(F.CopyObject(_handle, handle.Value, t.Pointer, t.Count, &copy), "C_CopyObject");
        return new ObjectHandle((nuint)copy);
    }

    /// <summary>C_GenerateRandom: <paramref name="count"/> bytes from the token's generator.</summary>
    public byte[] GenerateRandom(int count)
    {
        var bytes = new byte[count];
        fixed (byte* p = bytes)
            Pkcs11Module.Check(F.GenerateRandom(_handle, p, (nuint)count), "C_GenerateRandom");
        return bytes;
    }

    /// <summary>C_DestroyObject.</summary>
    public void DestroyObject(ObjectHandle handle) => Pkcs11Module.Check(F.DestroyObject(_handle, handle.Value), "C_DestroyObject");

    /// <summary>C_CreateObject.</summary>
    public ObjectHandle CreateObject(IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var t = new Template(Abi, template);
        ulong handle = 0;
        Pkcs11Module.Check(F.CreateObject(_handle, t.Pointer, t.Count, &handle), "C_CreateObject");
        return new ObjectHandle((nuint)handle);
    }

    /// <summary>Like <see cref="Pkcs11Module.Check"/>; CKR_MECHANISM_INVALID also lists what the token offers for the operation.</summary>
    private void Check(ulong rv, string function, string mechanism, MechanismFlags operation)
    {
        if (rv == (ulong)ReturnValue.MechanismInvalid)
            throw new MechanismNotOfferedException(function, mechanism, operation,
                [.. Slot.GetMechanisms().Where(m => m.Flags.HasFlag(operation)).Select(m => m.Name)]);
        Pkcs11Module.Check(rv, function);
    }

    /// <summary>C_CloseSession.</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        _closed = true;
        F.CloseSession(_handle);
    }
}
