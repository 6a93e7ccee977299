using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A signature scheme by its pkcs11-tool name: the mechanism, its parameters, and what to do with
/// the data first (ECDSA-SHAx hashes in software and signs with CKM_ECDSA, so tokens without
/// CKM_ECDSA_SHA384, such as SoftHSM2, work). ECDSA signatures from the token are r||s (PKCS#11
/// 2.40 current mechanisms §2.3.6); <see cref="ToDer"/> gives the form OpenSSL verifies.
/// </summary>
public sealed class SignatureScheme
{
    private SignatureScheme(string name, ulong mechanism, HashAlgorithmName? softwareHash, (ulong Hash, ulong Mgf, int Salt)? pss)
    {
        Name = name;
        MechanismType = mechanism;
        SoftwareHash = softwareHash;
        Pss = pss;
    }

    public string Name { get; }

    public ulong MechanismType { get; }

    public HashAlgorithmName? SoftwareHash { get; }

    public (ulong Hash, ulong Mgf, int Salt)? Pss { get; }

    public bool IsEcdsa => MechanismType == Ck.MechEcdsa;

    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static SignatureScheme Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "SHA256-RSA-PKCS" => new(name, Ck.MechSha256RsaPkcs, null, null),
            "SHA384-RSA-PKCS" => new(name, Ck.MechSha384RsaPkcs, null, null),
            "SHA512-RSA-PKCS" => new(name, Ck.MechSha512RsaPkcs, null, null),
            // Current mechanisms §2.1.14: hash, MGF1 with the same hash, salt = hash length.
            "SHA256-RSA-PKCS-PSS" => new(name, Ck.MechSha256RsaPkcsPss, null, (Ck.MechSha256, Ck.MgfSha256, 32)),
            "SHA384-RSA-PKCS-PSS" => new(name, Ck.MechSha384RsaPkcsPss, null, (Ck.MechSha384, Ck.MgfSha384, 48)),
            "SHA512-RSA-PKCS-PSS" => new(name, Ck.MechSha512RsaPkcsPss, null, (Ck.MechSha512, Ck.MgfSha512, 64)),
            // PKCS#11 3.0 current mechanisms §2.1.15 and §2.1.16: the same with SHA3 (MGF1 with SHA3 for PSS).
            "SHA3-256-RSA-PKCS" => new(name, Ck.MechSha3Digest256RsaPkcs, null, null),
            "SHA3-256-RSA-PKCS-PSS" => new(name, Ck.MechSha3Digest256RsaPkcsPss, null, (Ck.MechSha3Digest256, Ck.MgfSha3Digest256, 32)),
            "ECDSA-SHA256" => new(name, Ck.MechEcdsa, HashAlgorithmName.SHA256, null),
            "ECDSA-SHA384" => new(name, Ck.MechEcdsa, HashAlgorithmName.SHA384, null),
            // PKCS#11 3.0 §2.3.14: pure EdDSA over the whole message (Ed25519, RFC 8032).
            "EDDSA" => new(name, Ck.MechEddsa, null, null),
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

/// <summary>A CK_MECHANISM in a module's layout, its parameter block and everything the parameters point to, in unmanaged memory.</summary>
public sealed unsafe class NativeMechanism : IDisposable
{
    private readonly List<nint> _allocations = [];

    internal NativeMechanism(CkAbi abi, ulong type)
    {
        Abi = abi;
        Pointer = (byte*)Alloc(abi.Mechanism.Size);
        new CkFields(abi, abi.Mechanism, Pointer).Ulong(type);
    }

    internal NativeMechanism(CkAbi abi, SignatureScheme scheme)
        : this(abi, scheme.MechanismType)
    {
        if (scheme.Pss is { } pss)
        {
            var p = Parameter(abi.RsaPkcsPssParams);
            p.Ulong(pss.Hash);
            p.Ulong(pss.Mgf);
            p.Ulong((ulong)pss.Salt);
        }
    }

    internal CkAbi Abi { get; }

    internal byte* Pointer { get; private set; }

    /// <summary>Allocates the parameter structure of <paramref name="layout"/>, points the mechanism at it and returns its fields to fill in.</summary>
    internal CkFields Parameter(CkLayout layout)
    {
        var p = Alloc(layout.Size);
        SetParameter(p, layout.Size);
        return new CkFields(Abi, layout, (byte*)p);
    }

    internal void* Alloc(int size)
    {
        var p = NativeMemory.AllocZeroed((nuint)Math.Max(1, size));
        _allocations.Add((nint)p);
        return p;
    }

    internal byte* Copy(ReadOnlySpan<byte> data)
    {
        var p = (byte*)Alloc(data.Length);
        data.CopyTo(new Span<byte>(p, data.Length));
        return p;
    }

    internal void SetParameter(void* parameter, int length)
    {
        var fields = new CkFields(Abi, Abi.Mechanism, Pointer);
        fields.Skip();
        fields.Pointer(parameter);
        fields.Ulong((ulong)length);
    }

    public void Dispose()
    {
        foreach (var p in _allocations)
            NativeMemory.Free((void*)p);
        _allocations.Clear();
        Pointer = null;
    }
}
