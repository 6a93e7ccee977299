using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CardKit.Pkcs11;

/// <summary>
/// Verifies a TLS peer for mutual TLS with a token key: the peer must present a certificate that
/// chains to <see cref="TrustedRoots"/> only (not the system store; revocation is not checked), and
/// a server's must name the host connected to. <see cref="Verify"/> has the shape of
/// <see cref="RemoteCertificateValidationCallback"/>; after a refusal <see cref="Rejection"/> says
/// why, which SslStream's own exception does not. Use one per connection.
/// </summary>
public sealed class TlsPeerVerifier
{
    /// <summary>A verifier that trusts <paramref name="trustedRoots"/>; <paramref name="checkHostName"/> for a client verifying its server.</summary>
    public TlsPeerVerifier(X509Certificate2Collection trustedRoots, bool checkHostName)
    {
        ArgumentNullException.ThrowIfNull(trustedRoots);
        TrustedRoots = trustedRoots;
        CheckHostName = checkHostName;
    }

    /// <summary>The CA certificates a peer must chain to.</summary>
    public X509Certificate2Collection TrustedRoots { get; }

    /// <summary>True when the peer is a server whose certificate must name the host.</summary>
    public bool CheckHostName { get; }

    /// <summary>Why the last peer was refused; null when it was accepted or none was seen.</summary>
    public TlsPeerRejection? Rejection { get; private set; }

    /// <summary>True when the peer is accepted; otherwise <see cref="Rejection"/> says why.</summary>
    public bool Verify(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Rejection = Check(certificate, errors);
        return Rejection is null;
    }

    private TlsPeerRejection? Check(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null)
            return new(TlsPeerRejectionReason.NoCertificate, "the peer presented no certificate");
        if (CheckHostName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return new(TlsPeerRejectionReason.HostNameMismatch, $"the server certificate '{certificate.Subject}' does not name the host connected to");
        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.AddRange(TrustedRoots);
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var peer = new X509Certificate2(certificate);
        if (own.Build(peer))
            return null;
        return new(TlsPeerRejectionReason.Untrusted,
            $"the peer certificate '{peer.Subject}' is not trusted: " + string.Join("; ", own.ChainStatus.Select(s => s.StatusInformation.Trim())));
    }
}
