using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CardKit.Pkcs11.Tests;

/// <summary>Certificates and keys in and out of files: PEM or DER, and clear errors for anything else.</summary>
public class PemDerTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=pem der", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void A_certificate_reads_from_PEM_and_from_DER_alike()
    {
        using var certificate = SelfSigned();
        using var fromPem = PemDer.ReadCertificate(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
        using var fromDer = PemDer.ReadCertificate(certificate.RawData);
        Assert.Equal(certificate.RawData, fromPem.RawData);
        Assert.Equal(certificate.RawData, fromDer.RawData);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    public void Anything_else_is_a_format_error(string content)
    {
        var e = Assert.Throws<CardKitFormatException>(() => PemDer.ReadCertificate(Encoding.ASCII.GetBytes(content)));
        Assert.StartsWith("not an X.509 certificate in PEM or DER", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_keys_read_from_PKCS8_PKCS1_and_SEC1_PEM()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        foreach (var pem in new[] { rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportRSAPrivateKeyPem() })
        {
            using var key = Assert.IsAssignableFrom<RSA>(PemDer.ReadPrivateKey(pem));
            Assert.Equal(rsa.ExportParameters(false).Modulus, key.ExportParameters(false).Modulus);
        }
        foreach (var pem in new[] { ec.ExportPkcs8PrivateKeyPem(), ec.ExportECPrivateKeyPem() })
        {
            using var key = Assert.IsAssignableFrom<ECDsa>(PemDer.ReadPrivateKey(pem));
            Assert.Equal(ec.ExportParameters(false).Q.X, key.ExportParameters(false).Q.X);
        }
        using var certificate = SelfSigned();
        Assert.StartsWith("not an unencrypted RSA or EC private key in PEM",
            Assert.Throws<CardKitFormatException>(() => PemDer.ReadPrivateKey(certificate.ExportCertificatePem())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out.der", true)]
    [InlineData("OUT.DER", true)]
    [InlineData("out.pem", false)]
    [InlineData("der", false)]
    public void A_der_file_name_gets_DER_and_any_other_PEM(string path, bool der)
    {
        byte[] value = [0x30, 0x03, 0x02, 0x01, 0x05];
        Assert.Equal(der, PemDer.IsDerFileName(path));
        Assert.Equal(der ? value : Encoding.ASCII.GetBytes("-----BEGIN PUBLIC KEY-----\nMAMCAQU=\n-----END PUBLIC KEY-----\n"), PemDer.ForFile(path, "PUBLIC KEY", value));
    }
}
