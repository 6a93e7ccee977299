using System.Security.Cryptography;
using System.Text;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A session: login, object search, attributes, key generation, signatures, random. Every variable
/// length output uses the two-call size pattern. Not thread-safe (PKCS#11 sessions are not).
/// </summary>
public sealed unsafe class Pkcs11Session : IDisposable
{
    private readonly nuint _handle;
    private bool _closed;

    internal Pkcs11Session(Pkcs11Slot slot, nuint handle)
    {
        Slot = slot;
        _handle = handle;
    }

    public Pkcs11Slot Slot { get; }

    private FunctionList F => Slot.Module.Functions;

    private CkAbi Abi => Slot.Module.Abi;

    /// <summary>C_Login; CKR_USER_ALREADY_LOGGED_IN is fine. A wrong PIN says how the token counts tries.</summary>
    public void Login(string pin, ulong userType = Ck.User)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var bytes = Encoding.UTF8.GetBytes(pin);
        ulong rv;
        fixed (byte* p = bytes)
            rv = F.Login(_handle, (nuint)userType, p, (nuint)bytes.Length);
        CryptographicOperations.ZeroMemory(bytes);
        if (rv is 0 or 0x100)
            return;
        if (rv == 0xA0)
        {
            // CK_TOKEN_INFO flags (base specification §3.2): the SO PIN's are the user PIN's shifted by 4 bits.
            var flags = Slot.GetTokenInfo().Flags >> (userType == Ck.UserSo ? 4 : 0);
            var tries = (flags & Ck.TokenUserPinLocked) != 0 ? "the PIN is now locked"
                : (flags & Ck.TokenUserPinFinalTry) != 0 ? "one try left before the PIN locks"
                : (flags & Ck.TokenUserPinCountLow) != 0 ? "few tries left"
                : "the token does not say how many tries are left";
            throw new Pkcs11Exception(rv, "C_Login", $"wrong {(userType == Ck.UserSo ? "security officer " : "")}PIN ({tries})");
        }
        throw new Pkcs11Exception(rv, "C_Login");
    }

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
    /// public key next to it), e.g. to move a key into a token once. Returns (public, private).
    /// </summary>
    public (nuint PublicKey, nuint PrivateKey) ImportKeyPair(System.Security.Cryptography.AsymmetricAlgorithm key, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(key);
        var common = new List<AttributeValue> { AttributeValue.Bool(Ck.AttrToken, true), AttributeValue.Text(Ck.AttrLabel, label), AttributeValue.Bytes(Ck.AttrId, id) };
        List<AttributeValue> publicTemplate, privateTemplate;
        switch (key)
        {
            case System.Security.Cryptography.RSA rsa:
                var p = rsa.ExportParameters(includePrivateParameters: true);
                publicTemplate = [.. common, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPublicKey), AttributeValue.Number(Ck.AttrKeyType, Ck.KeyRsa),
                    AttributeValue.Bool(Ck.AttrVerify, true), AttributeValue.Bytes(Ck.AttrModulus, p.Modulus!), AttributeValue.Bytes(Ck.AttrPublicExponent, p.Exponent!)];
                privateTemplate = [.. common, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPrivateKey), AttributeValue.Number(Ck.AttrKeyType, Ck.KeyRsa),
                    AttributeValue.Bool(Ck.AttrSign, true), AttributeValue.Bool(Ck.AttrDecrypt, true), AttributeValue.Bool(Ck.AttrPrivate, true),
                    AttributeValue.Bool(Ck.AttrSensitive, true), AttributeValue.Bool(Ck.AttrExtractable, false),
                    AttributeValue.Bytes(Ck.AttrModulus, p.Modulus!), AttributeValue.Bytes(Ck.AttrPublicExponent, p.Exponent!),
                    AttributeValue.Bytes(Ck.AttrPrivateExponent, p.D!), AttributeValue.Bytes(Ck.AttrPrime1, p.P!), AttributeValue.Bytes(Ck.AttrPrime2, p.Q!),
                    AttributeValue.Bytes(Ck.AttrExponent1, p.DP!), AttributeValue.Bytes(Ck.AttrExponent2, p.DQ!), AttributeValue.Bytes(Ck.AttrCoefficient, p.InverseQ!)];
                break;
            case System.Security.Cryptography.ECDsa ec:
                var e = ec.ExportParameters(includePrivateParameters: true);
                var oid = e.Curve.Oid.Value ?? throw new ArgumentException("only named curves can be imported", nameof(key));
                var curve = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
                curve.WriteObjectIdentifier(oid);
                var point = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
                point.WriteOctetString([0x04, .. e.Q.X!, .. e.Q.Y!]);
                publicTemplate = [.. common, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPublicKey), AttributeValue.Number(Ck.AttrKeyType, Ck.KeyEc),
                    AttributeValue.Bool(Ck.AttrVerify, true), AttributeValue.Bytes(Ck.AttrEcParams, curve.Encode()), AttributeValue.Bytes(Ck.AttrEcPoint, point.Encode())];
                privateTemplate = [.. common, AttributeValue.Number(Ck.AttrClass, Ck.ObjectPrivateKey), AttributeValue.Number(Ck.AttrKeyType, Ck.KeyEc),
                    AttributeValue.Bool(Ck.AttrSign, true), AttributeValue.Bool(Ck.AttrDerive, true), AttributeValue.Bool(Ck.AttrPrivate, true),
                    AttributeValue.Bool(Ck.AttrSensitive, true), AttributeValue.Bool(Ck.AttrExtractable, false),
                    AttributeValue.Bytes(Ck.AttrEcParams, curve.Encode()), AttributeValue.Bytes(Ck.AttrValue, e.D!)];
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
    public nuint ImportCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return CreateObject(
        [
            AttributeValue.Number(Ck.AttrClass, Ck.ObjectCertificate),
            AttributeValue.Number(Ck.AttrCertificateType, Ck.CertificateX509),
            AttributeValue.Bool(Ck.AttrToken, true),
            AttributeValue.Text(Ck.AttrLabel, label),
            AttributeValue.Bytes(Ck.AttrId, id),
            AttributeValue.Bytes(Ck.AttrSubject, certificate.SubjectName.RawData),
            AttributeValue.Bytes(Ck.AttrIssuer, certificate.IssuerName.RawData),
            AttributeValue.Bytes(Ck.AttrValue, certificate.RawData),
        ]);
    }

    /// <summary>Every object matching <paramref name="template"/> (C_FindObjects in batches of 64).</summary>
    public List<nuint> FindObjects(IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var t = new Template(Abi, template);
        Pkcs11Module.Check(F.FindObjectsInit(_handle, t.Pointer, t.Count), "C_FindObjectsInit");
        var result = new List<nuint>();
        try
        {
            const int BatchSize = 64;
            var batch = stackalloc byte[BatchSize * Abi.UlongSize];
            while (true)
            {
                ulong count = 0;
                Pkcs11Module.Check(F.FindObjects(_handle, batch, BatchSize, &count), "C_FindObjects");
                for (var i = 0; i < (int)count; i++)
                    result.Add((nuint)Abi.ReadUlong(batch + i * Abi.UlongSize));
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
    /// C_GetAttributeValue with per-attribute handling: a sensitive or absent attribute comes back
    /// null instead of failing the whole call (PKCS#11 2.40 §5.7, C_GetAttributeValue rules).
    /// </summary>
    public Dictionary<ulong, byte[]?> GetAttributes(nuint handle, params ulong[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        using var template = new Template(Abi, types.Length);
        for (var i = 0; i < types.Length; i++)
            template.Set(i, types[i], null, 0);
        var rv = F.GetAttributeValue(_handle, handle, template.Pointer, template.Count);
        if (rv is not (0 or 0x11 or 0x12 or 0x150))
            throw new Pkcs11Exception(rv, "C_GetAttributeValue");
        var buffers = new byte[types.Length][];
        var handles = new System.Runtime.InteropServices.GCHandle[types.Length];
        try
        {
            for (var i = 0; i < types.Length; i++)
            {
                var length = template.Length(i);
                buffers[i] = length is { } n ? new byte[n] : [];
                handles[i] = System.Runtime.InteropServices.GCHandle.Alloc(buffers[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                template.Set(i, types[i], length is null or 0 ? null : (void*)handles[i].AddrOfPinnedObject(), length ?? 0);
            }
            rv = F.GetAttributeValue(_handle, handle, template.Pointer, template.Count);
            if (rv is not (0 or 0x11 or 0x12))
                throw new Pkcs11Exception(rv, "C_GetAttributeValue");
            var result = new Dictionary<ulong, byte[]?>();
            for (var i = 0; i < types.Length; i++)
                result[types[i]] = template.Length(i) is { } n ? buffers[i][..(int)n] : null;
            return result;
        }
        finally
        {
            foreach (var h in handles)
            {
                if (h.IsAllocated)
                    h.Free();
            }
        }
    }

    public byte[]? GetAttribute(nuint handle, ulong type) => GetAttributes(handle, type)[type];

    /// <summary>C_GenerateKeyPair for RSA (bits) or EC (named curve OID, DER).</summary>
    public (nuint PublicKey, nuint PrivateKey) GenerateKeyPair(KeySpec spec, string label, byte[] id)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(id);
        var common = new List<AttributeValue> { AttributeValue.Bool(Ck.AttrToken, true), AttributeValue.Text(Ck.AttrLabel, label), AttributeValue.Bytes(Ck.AttrId, id) };
        var publicTemplate = new List<AttributeValue>(common) { AttributeValue.Bool(Ck.AttrVerify, true) };
        var privateTemplate = new List<AttributeValue>(common)
        {
            AttributeValue.Bool(Ck.AttrSign, true), AttributeValue.Bool(Ck.AttrPrivate, true),
            AttributeValue.Bool(Ck.AttrSensitive, true), AttributeValue.Bool(Ck.AttrExtractable, false),
        };
        ulong mechanism;
        if (spec.RsaBits is { } bits)
        {
            mechanism = Ck.MechRsaKeyPairGen;
            publicTemplate.Add(AttributeValue.Bool(Ck.AttrEncrypt, true));
            privateTemplate.Add(AttributeValue.Bool(Ck.AttrDecrypt, true));
            publicTemplate.Add(AttributeValue.Number(Ck.AttrModulusBits, (ulong)bits));
            publicTemplate.Add(AttributeValue.Bytes(Ck.AttrPublicExponent, [0x01, 0x00, 0x01]));
        }
        else
        {
            mechanism = spec.IsEdwards ? Ck.MechEdwardsKeyPairGen : Ck.MechEcKeyPairGen;
            if (!spec.IsEdwards)
                privateTemplate.Add(AttributeValue.Bool(Ck.AttrDerive, true));
            publicTemplate.Add(AttributeValue.Bytes(Ck.AttrEcParams, spec.EcParameters!));
        }
        using var pub = new Template(Abi, publicTemplate);
        using var priv = new Template(Abi, privateTemplate);
        using var m = new NativeMechanism(Abi, mechanism);
        ulong publicKey = 0, privateKey = 0;
        Check(F.GenerateKeyPair(_handle, m.Pointer, pub.Pointer, pub.Count, priv.Pointer, priv.Count, &publicKey, &privateKey), "C_GenerateKeyPair", Mechanisms.Name(mechanism), Operation.GenerateKeyPair);
        return ((nuint)publicKey, (nuint)privateKey);
    }

    /// <summary>C_SignInit + C_Sign (two calls: size, then signature).</summary>
    public byte[] Sign(SignatureScheme scheme, nuint privateKey, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var input = scheme.Prepare(data);
        using var mechanism = new NativeMechanism(Abi, scheme);
        Check(F.SignInit(_handle, mechanism.Pointer, privateKey), "C_SignInit", scheme.Name, Operation.Sign);
        ulong length = 0;
        fixed (byte* p = input)
        {
            Pkcs11Module.Check(F.Sign(_handle, p, (nuint)input.Length, null, &length), "C_Sign");
            var signature = new byte[length];
            fixed (byte* s = signature)
                Pkcs11Module.Check(F.Sign(_handle, p, (nuint)input.Length, s, &length), "C_Sign");
            return signature[..(int)length];
        }
    }

    /// <summary>Signs already prepared data into a caller buffer with no allocation (loops, benchmarks); returns the length.</summary>
    public int Sign(NativeMechanism mechanism, nuint privateKey, ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        if (mechanism.Abi != Abi)
            throw new ArgumentException("the mechanism was built for another module", nameof(mechanism));
        Pkcs11Module.Check(F.SignInit(_handle, mechanism.Pointer, privateKey), "C_SignInit");
        var length = (ulong)signature.Length;
        fixed (byte* p = data)
        fixed (byte* s = signature)
            Pkcs11Module.Check(F.Sign(_handle, p, (nuint)data.Length, s, &length), "C_Sign");
        return (int)length;
    }

    /// <summary>C_VerifyInit + C_Verify; false for CKR_SIGNATURE_INVALID or a wrong length.</summary>
    public bool Verify(SignatureScheme scheme, nuint publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var input = scheme.Prepare(data);
        using var mechanism = new NativeMechanism(Abi, scheme);
        Check(F.VerifyInit(_handle, mechanism.Pointer, publicKey), "C_VerifyInit", scheme.Name, Operation.Verify);
        ulong rv;
        fixed (byte* p = input)
        fixed (byte* s = signature)
            rv = F.Verify(_handle, p, (nuint)input.Length, s, (nuint)signature.Length);
        if (rv is 0xC0 or 0xC1)
            return false;
        Pkcs11Module.Check(rv, "C_Verify");
        return true;
    }

    /// <summary>C_EncryptInit + C_Encrypt (two calls: size, then data).</summary>
    public byte[] Encrypt(Mechanism mechanism, nuint key, ReadOnlySpan<byte> data) =>
        Crypt(mechanism, key, data, encrypt: true);

    /// <summary>C_DecryptInit + C_Decrypt.</summary>
    public byte[] Decrypt(Mechanism mechanism, nuint key, ReadOnlySpan<byte> data) =>
        Crypt(mechanism, key, data, encrypt: false);

    private byte[] Crypt(Mechanism mechanism, nuint key, ReadOnlySpan<byte> data, bool encrypt)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        var name = encrypt ? "C_Encrypt" : "C_Decrypt";
        Check(encrypt ? F.EncryptInit(_handle, m.Pointer, key) : F.DecryptInit(_handle, m.Pointer, key), name + "Init", mechanism.Name, encrypt ? Operation.Encrypt : Operation.Decrypt);
        ulong length = 0;
        fixed (byte* p = data)
        {
            Pkcs11Module.Check(encrypt ? F.Encrypt(_handle, p, (nuint)data.Length, null, &length) : F.Decrypt(_handle, p, (nuint)data.Length, null, &length), name);
            var output = new byte[length];
            fixed (byte* o = output)
                Pkcs11Module.Check(encrypt ? F.Encrypt(_handle, p, (nuint)data.Length, o, &length) : F.Decrypt(_handle, p, (nuint)data.Length, o, &length), name);
            return output[..(int)length];
        }
    }

    /// <summary>C_DigestInit + C_Digest.</summary>
    public byte[] Digest(Mechanism mechanism, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        Check(F.DigestInit(_handle, m.Pointer), "C_DigestInit", mechanism.Name, Operation.Digest);
        ulong length = 0;
        fixed (byte* p = data)
        {
            Pkcs11Module.Check(F.Digest(_handle, p, (nuint)data.Length, null, &length), "C_Digest");
            var output = new byte[length];
            fixed (byte* o = output)
                Pkcs11Module.Check(F.Digest(_handle, p, (nuint)data.Length, o, &length), "C_Digest");
            return output[..(int)length];
        }
    }

    /// <summary>C_GenerateKey for an AES key of <paramref name="bits"/> (128, 192, 256) on the token.</summary>
    public nuint GenerateAesKey(int bits, string label, byte[] id, bool extractable = false)
    {
        if (bits is not (128 or 192 or 256))
            throw new ArgumentException("AES keys are 128, 192 or 256 bits", nameof(bits));
        using var t = new Template(Abi,
        [
            AttributeValue.Number(Ck.AttrClass, Ck.ObjectSecretKey), AttributeValue.Number(Ck.AttrKeyType, Ck.KeyAes),
            AttributeValue.Number(Ck.AttrValueLength, (ulong)(bits / 8)), AttributeValue.Bool(Ck.AttrToken, true),
            AttributeValue.Text(Ck.AttrLabel, label), AttributeValue.Bytes(Ck.AttrId, id),
            AttributeValue.Bool(Ck.AttrEncrypt, true), AttributeValue.Bool(Ck.AttrDecrypt, true),
            AttributeValue.Bool(Ck.AttrWrap, true), AttributeValue.Bool(Ck.AttrUnwrap, true),
            AttributeValue.Bool(Ck.AttrSensitive, true), AttributeValue.Bool(Ck.AttrExtractable, extractable),
        ]);
        using var m = new NativeMechanism(Abi, Ck.MechAesKeyGen);
        ulong key = 0;
        Check(F.GenerateKey(_handle, m.Pointer, t.Pointer, t.Count, &key), "C_GenerateKey", Mechanisms.Name(Ck.MechAesKeyGen), Operation.GenerateKey);
        return (nuint)key;
    }

    /// <summary>C_WrapKey: <paramref name="key"/> encrypted under <paramref name="wrappingKey"/>.</summary>
    public byte[] WrapKey(Mechanism mechanism, nuint wrappingKey, nuint key)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        ulong length = 0;
        Check(F.WrapKey(_handle, m.Pointer, wrappingKey, key, null, &length), "C_WrapKey", mechanism.Name, Operation.Wrap);
        var wrapped = new byte[length];
        fixed (byte* w = wrapped)
            Pkcs11Module.Check(F.WrapKey(_handle, m.Pointer, wrappingKey, key, w, &length), "C_WrapKey");
        return wrapped[..(int)length];
    }

    /// <summary>C_UnwrapKey: a new key object from <paramref name="wrapped"/> with <paramref name="template"/>.</summary>
    public nuint UnwrapKey(Mechanism mechanism, nuint unwrappingKey, ReadOnlySpan<byte> wrapped, IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        using var t = new Template(Abi, template);
        ulong key = 0;
        fixed (byte* w = wrapped)
            Check(F.UnwrapKey(_handle, m.Pointer, unwrappingKey, w, (nuint)wrapped.Length, t.Pointer, t.Count, &key), "C_UnwrapKey", mechanism.Name, Operation.Unwrap);
        return (nuint)key;
    }

    /// <summary>C_DeriveKey (e.g. ECDH): a new key object from <paramref name="baseKey"/>.</summary>
    public nuint DeriveKey(Mechanism mechanism, nuint baseKey, IReadOnlyList<AttributeValue> template)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        using var m = mechanism.Build(Abi);
        using var t = new Template(Abi, template);
        ulong key = 0;
        Check(F.DeriveKey(_handle, m.Pointer, baseKey, t.Pointer, t.Count, &key), "C_DeriveKey", mechanism.Name, Operation.Derive);
        return (nuint)key;
    }

    /// <summary>C_SetAttributeValue.</summary>
    public void SetAttributes(nuint handle, IReadOnlyList<AttributeValue> attributes)
    {
        using var t = new Template(Abi, attributes);
        Pkcs11Module.Check(F.SetAttributeValue(_handle, handle, t.Pointer, t.Count), "C_SetAttributeValue");
    }

    /// <summary>C_CopyObject with attributes changed in the copy.</summary>
    public nuint CopyObject(nuint handle, IReadOnlyList<AttributeValue> changes)
    {
        using var t = new Template(Abi, changes);
        ulong copy = 0;
        Pkcs11Module.Check(F.CopyObject(_handle, handle, t.Pointer, t.Count, &copy), "C_CopyObject");
        return (nuint)copy;
    }

    public byte[] GenerateRandom(int count)
    {
        var bytes = new byte[count];
        fixed (byte* p = bytes)
            Pkcs11Module.Check(F.GenerateRandom(_handle, p, (nuint)count), "C_GenerateRandom");
        return bytes;
    }

    public void DestroyObject(nuint handle) => Pkcs11Module.Check(F.DestroyObject(_handle, handle), "C_DestroyObject");

    public nuint CreateObject(IReadOnlyList<AttributeValue> template)
    {
        using var t = new Template(Abi, template);
        ulong handle = 0;
        Pkcs11Module.Check(F.CreateObject(_handle, t.Pointer, t.Count, &handle), "C_CreateObject");
        return (nuint)handle;
    }

    // The CKF_* flag of C_GetMechanismInfo for each operation (base specification §3.6) and how to say it.
    private enum Operation : ulong
    {
        Encrypt = 0x100,
        Decrypt = 0x200,
        Digest = 0x400,
        Sign = 0x800,
        Verify = 0x2000,
        GenerateKey = 0x8000,
        GenerateKeyPair = 0x10000,
        Wrap = 0x20000,
        Unwrap = 0x40000,
        Derive = 0x80000,
    }

    /// <summary>Like <see cref="Pkcs11Module.Check"/>; CKR_MECHANISM_INVALID also lists what the token offers for the operation.</summary>
    private void Check(ulong rv, string function, string mechanism, Operation operation)
    {
        if (rv == 0x70)
        {
            var offered = Slot.GetMechanisms().Where(m => (m.Flags & (ulong)operation) != 0).Select(m => m.Name).ToList();
            var what = operation switch
            {
                Operation.Encrypt => "encryption",
                Operation.Decrypt => "decryption",
                Operation.Digest => "digests",
                Operation.Sign => "signing",
                Operation.Verify => "verification",
                Operation.GenerateKey => "key generation",
                Operation.GenerateKeyPair => "key pair generation",
                Operation.Wrap => "wrapping",
                Operation.Unwrap => "unwrapping",
                _ => "derivation",
            };
            throw new Pkcs11Exception(rv, function, offered.Count == 0
                ? $"this token offers no mechanism for {what}"
                : $"this token does not offer {mechanism} for {what}; it offers {string.Join(", ", offered)}");
        }
        Pkcs11Module.Check(rv, function);
    }

    public void Dispose()
    {
        if (_closed)
            return;
        _closed = true;
        F.CloseSession(_handle);
    }
}
