using System.Security.Cryptography;

namespace CardKit.Pkcs11;

/// <summary>
/// A signature scheme by its pkcs11-tool name: the mechanism, its parameters, and what to do with
/// the data first (ECDSA-SHAx hashes in software and signs with CKM_ECDSA, so tokens without
/// CKM_ECDSA_SHA384, such as SoftHSM2, work). ECDSA signatures from the token are r||s (PKCS#11
/// 2.40 current mechanisms §2.3.6); <see cref="ToDer"/> gives the form OpenSSL verifies.
/// </summary>
public sealed class SignatureScheme
{
    private SignatureScheme(string name, MechanismType mechanism, HashAlgorithmName? softwareHash, (MechanismType Hash, MgfType Mgf, int Salt)? pss)
    {
        Name = name;
        MechanismType = mechanism;
        SoftwareHash = softwareHash;
        Pss = pss;
    }

    /// <summary>The name as given to <see cref="Parse"/> (pkcs11-tool's spelling).</summary>
    public string Name { get; }

    /// <summary>The mechanism the token runs.</summary>
    public MechanismType MechanismType { get; }

    /// <summary>The hash computed in software before the token signs, for ECDSA-SHAx; null when the token hashes.</summary>
    public HashAlgorithmName? SoftwareHash { get; }

    /// <summary>The CK_RSA_PKCS_PSS_PARAMS of a PSS scheme (hash, MGF1 hash, salt length); null otherwise.</summary>
    public (MechanismType Hash, MgfType Mgf, int Salt)? Pss { get; }

    /// <summary>True for ECDSA: the token's r||s signature is usually wanted as DER (<see cref="ToDer"/>).</summary>
    public bool IsEcdsa => MechanismType == MechanismType.Ecdsa;

    /// <summary>The scheme pkcs11-tool calls <paramref name="name"/> (any case): one of <see cref="Mechanisms.SignatureNames"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static SignatureScheme Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "SHA256-RSA-PKCS" => new(name, MechanismType.Sha256RsaPkcs, null, null),
            "SHA384-RSA-PKCS" => new(name, MechanismType.Sha384RsaPkcs, null, null),
            "SHA512-RSA-PKCS" => new(name, MechanismType.Sha512RsaPkcs, null, null),
            // Current mechanisms §2.1.14: hash, MGF1 with the same hash, salt = hash length.
            "SHA256-RSA-PKCS-PSS" => new(name, MechanismType.Sha256RsaPkcsPss, null, (MechanismType.Sha256, MgfType.Sha256, 32)),
            "SHA384-RSA-PKCS-PSS" => new(name, MechanismType.Sha384RsaPkcsPss, null, (MechanismType.Sha384, MgfType.Sha384, 48)),
            "SHA512-RSA-PKCS-PSS" => new(name, MechanismType.Sha512RsaPkcsPss, null, (MechanismType.Sha512, MgfType.Sha512, 64)),
            // PKCS#11 3.0 current mechanisms §2.1.15 and §2.1.16: the same with SHA3 (MGF1 with SHA3 for PSS).
            "SHA3-256-RSA-PKCS" => new(name, MechanismType.Sha3Digest256RsaPkcs, null, null),
            "SHA3-256-RSA-PKCS-PSS" => new(name, MechanismType.Sha3Digest256RsaPkcsPss, null, (MechanismType.Sha3Digest256, MgfType.Sha3Digest256, 32)),
            "ECDSA-SHA256" => new(name, MechanismType.Ecdsa, HashAlgorithmName.SHA256, null),
            "ECDSA-SHA384" => new(name, MechanismType.Ecdsa, HashAlgorithmName.SHA384, null),
            // PKCS#11 3.0 §2.3.14: pure EdDSA over the whole message (Ed25519, RFC 8032).
            "EDDSA" => new(name, MechanismType.Eddsa, null, null),
            _ => throw new ArgumentException($"unknown signature mechanism '{name}': use {string.Join(", ", Mechanisms.SignatureNames)}", nameof(name)),
        };
    }

    internal byte[] Prepare(ReadOnlySpan<byte> data)
    {
        if (SoftwareHash is not { } hash)
            return data.ToArray();
        return hash == HashAlgorithmName.SHA384 ? SHA384.HashData(data) : SHA256.HashData(data);
    }

    /// <summary>The native CK_MECHANISM with its parameters in <paramref name="module"/>'s layout, valid until disposed.</summary>
    public NativeMechanism Mechanism(Pkcs11Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new(module.Abi, this);
    }

    /// <summary>r||s (two equal halves) to a DER SEQUENCE of two INTEGERs (RFC 3279 §2.2.3).</summary>
    public static byte[] ToDer(ReadOnlySpan<byte> rawSignature)
    {
        var half = rawSignature.Length / 2;
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(rawSignature[..half]));
            writer.WriteIntegerUnsigned(Minimal(rawSignature[half..]));
        }
        return writer.Encode();
    }

    // r and s are fixed-width in r||s; DER integers have no leading zero bytes (X.690 §8.3.2).
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart((byte)0);
        return trimmed.IsEmpty ? value[^1..] : trimmed;
    }

    /// <summary>DER ECDSA signature back to r||s of <paramref name="fieldBytes"/> each.</summary>
    public static byte[] FromDer(ReadOnlySpan<byte> der, int fieldBytes)
    {
        var reader = new System.Formats.Asn1.AsnReader(der.ToArray(), System.Formats.Asn1.AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var r = sequence.ReadIntegerBytes().Span.TrimStart((byte)0);
        var s = sequence.ReadIntegerBytes().Span.TrimStart((byte)0);
        var raw = new byte[2 * fieldBytes];
        r.CopyTo(raw.AsSpan(fieldBytes - r.Length));
        s.CopyTo(raw.AsSpan(2 * fieldBytes - s.Length));
        return raw;
    }
}
