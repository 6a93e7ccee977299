using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CardKit.Pkcs11.Tests;

/// <summary>The TLS peer check `cardkit tls` uses: only the given roots, a certificate required, the host name for a server; every refusal says why.</summary>
public sealed class TlsPeerVerifierTests : IDisposable
{
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _rogue;
    private readonly X509Certificate2 _leaf;
    private readonly X509Certificate2 _rogueLeaf;

    public TlsPeerVerifierTests()
    {
        _ca = Authority("CN=test CA");
        _rogue = Authority("CN=rogue CA");
        _leaf = Issue(_ca, "CN=127.0.0.1");
        _rogueLeaf = Issue(_rogue, "CN=127.0.0.1");
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        return request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3]);
    }

    [Fact]
    public void A_peer_that_chains_to_the_roots_is_accepted_whatever_the_system_store_says()
    {
        var verifier = new TlsPeerVerifier([_ca], checkHostName: true);
        Assert.True(verifier.Verify(null, _leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Null(verifier.Rejection);
    }

    [Fact]
    public void A_peer_without_a_certificate_is_refused()
    {
        var verifier = new TlsPeerVerifier([_ca], checkHostName: false);
        Assert.False(verifier.Verify(null, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
        Assert.Equal(new TlsPeerRejection(TlsPeerRejectionReason.NoCertificate, "the peer presented no certificate"), verifier.Rejection);
    }

    [Fact]
    public void A_server_certificate_for_another_host_is_refused_but_a_client_is_not_asked_for_one()
    {
        var server = new TlsPeerVerifier([_ca], checkHostName: true);
        Assert.False(server.Verify(null, _leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.Equal(TlsPeerRejectionReason.HostNameMismatch, server.Rejection!.Reason);
        Assert.Contains("'CN=127.0.0.1' does not name the host", server.Rejection.Message, StringComparison.Ordinal);
        var client = new TlsPeerVerifier([_ca], checkHostName: false);
        Assert.True(client.Verify(null, _leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void A_peer_from_another_CA_is_refused_with_the_chain_error()
    {
        var verifier = new TlsPeerVerifier([_ca], checkHostName: true);
        Assert.False(verifier.Verify(null, _rogueLeaf, null, SslPolicyErrors.None));
        Assert.Equal(TlsPeerRejectionReason.Untrusted, verifier.Rejection!.Reason);
        Assert.StartsWith("the peer certificate 'CN=127.0.0.1' is not trusted: ", verifier.Rejection.Message, StringComparison.Ordinal);
        Assert.True(verifier.Verify(null, _leaf, null, SslPolicyErrors.None)); // the next verdict replaces it
        Assert.Null(verifier.Rejection);
    }

    public void Dispose()
    {
        foreach (var certificate in new[] { _ca, _rogue, _leaf, _rogueLeaf })
            certificate.Dispose();
    }
}
