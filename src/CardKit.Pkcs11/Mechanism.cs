using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A mechanism with its parameters for encryption, digests, wrapping and derivation (PKCS#11 2.40
/// current mechanisms: §2.1.8 OAEP, §2.14 AES-CBC/GCM/key wrap, §2.3.13 ECDH). Built into native
/// memory only for the call.
/// </summary>
public sealed class Mechanism
{
    private readonly Func<CkAbi, NativeMechanism> _build;

    private Mechanism(string name, Func<CkAbi, NativeMechanism> build)
    {
        Name = name;
        _build = build;
    }

    /// <summary>The mechanism's name for messages, as pkcs11-tool spells it.</summary>
    public string Name { get; }

    internal NativeMechanism Build(CkAbi abi) => _build(abi);

    /// <summary>A mechanism without parameters (CKM_SHA256, CKM_AES_KEY_WRAP with the default IV, ...).</summary>
    public static Mechanism Of(MechanismType type) => new(Mechanisms.Name(type), abi => new NativeMechanism(abi, type));

    /// <summary>CKM_AES_CBC_PAD with a 16-byte IV.</summary>
    public static unsafe Mechanism AesCbcPad(byte[] iv)
    {
        ArgumentNullException.ThrowIfNull(iv);
        if (iv.Length != 16)
            throw new ArgumentException("AES-CBC needs a 16-byte IV", nameof(iv));
        return new("AES-CBC-PAD", abi =>
        {
            var m = new NativeMechanism(abi, MechanismType.AesCbcPad);
            m.SetParameter(m.Copy(iv), iv.Length);
            return m;
        });
    }

    /// <summary>CKM_AES_GCM: IV, additional authenticated data, tag length in bits (2.40 CK_GCM_PARAMS).</summary>
    public static unsafe Mechanism AesGcm(byte[] iv, byte[] aad, int tagBits = 128)
    {
        ArgumentNullException.ThrowIfNull(iv);
        ArgumentNullException.ThrowIfNull(aad);
        return new("AES-GCM", abi =>
        {
            var m = new NativeMechanism(abi, MechanismType.AesGcm);
            var p = m.Parameter(abi.GcmParams);
            p.Pointer(m.Copy(iv));
            p.Ulong((ulong)iv.Length);
            p.Ulong((ulong)iv.Length * 8);
            p.Pointer(aad.Length == 0 ? null : m.Copy(aad));
            p.Ulong((ulong)aad.Length);
            p.Ulong((ulong)tagBits);
            return m;
        });
    }

    /// <summary>CKM_RSA_PKCS_OAEP with SHA-256 and MGF1-SHA256, no label.</summary>
    public static Mechanism RsaOaepSha256() => RsaOaep(MechanismType.Sha256, MgfType.Sha256);

    /// <summary>CKM_RSA_PKCS_OAEP with SHA-1 and MGF1-SHA1 (all SoftHSM 2.6 accepts), no label.</summary>
    public static Mechanism RsaOaepSha1() => RsaOaep(MechanismType.Sha1, MgfType.Sha1);

    private static unsafe Mechanism RsaOaep(MechanismType hash, MgfType mgf) => new("RSA-PKCS-OAEP", abi =>
    {
        var m = new NativeMechanism(abi, MechanismType.RsaPkcsOaep);
        var p = m.Parameter(abi.RsaPkcsOaepParams);
        p.Ulong((ulong)hash);
        p.Ulong((ulong)mgf);
        p.Ulong(1); // source = CKZ_DATA_SPECIFIED with an empty label
        return m;
    });

    /// <summary>CKM_ECDH1_DERIVE with the peer's public point (04 || X || Y) and no KDF.</summary>
    public static unsafe Mechanism EcdhDerive(byte[] peerPublicPoint)
    {
        ArgumentNullException.ThrowIfNull(peerPublicPoint);
        return new("ECDH1-DERIVE", abi =>
        {
            var m = new NativeMechanism(abi, MechanismType.Ecdh1Derive);
            var p = m.Parameter(abi.Ecdh1DeriveParams);
            p.Ulong(1); // CKD_NULL
            p.Ulong(0); // no shared data
            p.Pointer(null);
            p.Ulong((ulong)peerPublicPoint.Length);
            p.Pointer(m.Copy(peerPublicPoint));
            return m;
        });
    }
}
