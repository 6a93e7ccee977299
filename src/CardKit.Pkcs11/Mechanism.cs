using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A mechanism with its parameters for encryption, digests, wrapping and derivation (PKCS#11 2.40
/// current mechanisms: §2.1.8 OAEP, §2.14 AES-CBC/GCM/key wrap, §2.3.13 ECDH). Built into native
/// memory only for the call.
/// </summary>
public sealed class Mechanism
{
    private readonly Func<NativeMechanism> _build;

    private Mechanism(string name, Func<NativeMechanism> build)
    {
        Name = name;
        _build = build;
    }

    public string Name { get; }

    internal NativeMechanism Build() => _build();

    /// <summary>A mechanism without parameters (CKM_SHA256, CKM_AES_KEY_WRAP with the default IV, ...).</summary>
    public static Mechanism Of(ulong type) => new(Mechanisms.Name(type), () => new NativeMechanism(type));

    /// <summary>CKM_AES_CBC_PAD with a 16-byte IV.</summary>
    public static unsafe Mechanism AesCbcPad(byte[] iv)
    {
        ArgumentNullException.ThrowIfNull(iv);
        if (iv.Length != 16)
            throw new ArgumentException("AES-CBC needs a 16-byte IV", nameof(iv));
        return new("AES-CBC-PAD", () =>
        {
            var m = new NativeMechanism(Ck.MechAesCbcPad);
            m.SetParameter(m.Copy(iv), iv.Length);
            return m;
        });
    }

    /// <summary>CKM_AES_GCM: IV, additional authenticated data, tag length in bits (2.40 CK_GCM_PARAMS).</summary>
    public static unsafe Mechanism AesGcm(byte[] iv, byte[] aad, int tagBits = 128)
    {
        ArgumentNullException.ThrowIfNull(iv);
        ArgumentNullException.ThrowIfNull(aad);
        return new("AES-GCM", () =>
        {
            var m = new NativeMechanism(Ck.MechAesGcm);
            var p = (CkGcmParams*)m.Alloc(sizeof(CkGcmParams));
            *p = new CkGcmParams
            {
                Iv = m.Copy(iv), IvLength = (nuint)iv.Length, IvBits = (nuint)(iv.Length * 8),
                Aad = aad.Length == 0 ? null : m.Copy(aad), AadLength = (nuint)aad.Length, TagBits = (nuint)tagBits,
            };
            m.SetParameter(p, sizeof(CkGcmParams));
            return m;
        });
    }

    /// <summary>CKM_RSA_PKCS_OAEP with SHA-256 and MGF1-SHA256, no label.</summary>
    public static Mechanism RsaOaepSha256() => RsaOaep(Ck.MechSha256, Ck.MgfSha256);

    /// <summary>CKM_RSA_PKCS_OAEP with SHA-1 and MGF1-SHA1 (all SoftHSM 2.6 accepts), no label.</summary>
    public static Mechanism RsaOaepSha1() => RsaOaep(Ck.MechSha1, Ck.MgfSha1);

    private static unsafe Mechanism RsaOaep(ulong hash, ulong mgf) => new("RSA-PKCS-OAEP", () =>
    {
        var m = new NativeMechanism(Ck.MechRsaPkcsOaep);
        var p = (CkRsaPkcsOaepParams*)m.Alloc(sizeof(CkRsaPkcsOaepParams));
        // source = CKZ_DATA_SPECIFIED with an empty label.
        *p = new CkRsaPkcsOaepParams { HashAlgorithm = (nuint)hash, Mgf = (nuint)mgf, Source = 1 };
        m.SetParameter(p, sizeof(CkRsaPkcsOaepParams));
        return m;
    });

    /// <summary>CKM_ECDH1_DERIVE with the peer's public point (04 || X || Y) and no KDF.</summary>
    public static unsafe Mechanism EcdhDerive(byte[] peerPublicPoint)
    {
        ArgumentNullException.ThrowIfNull(peerPublicPoint);
        return new("ECDH1-DERIVE", () =>
        {
            var m = new NativeMechanism(Ck.MechEcdh1Derive);
            var p = (CkEcdh1DeriveParams*)m.Alloc(sizeof(CkEcdh1DeriveParams));
            *p = new CkEcdh1DeriveParams { Kdf = 1, PublicData = m.Copy(peerPublicPoint), PublicDataLength = (nuint)peerPublicPoint.Length };
            m.SetParameter(p, sizeof(CkEcdh1DeriveParams));
            return m;
        });
    }
}
