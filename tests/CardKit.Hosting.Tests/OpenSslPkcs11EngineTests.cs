using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CardKit.Pkcs11;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

/// <summary>
/// The process-wide OpenSSL pkcs11 engine set-up against a real SoftHSM2 token and the real engine
/// (libengine-pkcs11-openssl): OPENSSL_CONF while it lives and back after, one at a time, and a
/// certificate whose private key signs inside the token.
/// </summary>
public class OpenSslPkcs11EngineTests
{
    private const string Label = "cardkit-hosting-tls";

    [Fact(Timeout = 120_000)]
    public void It_sets_OPENSSL_CONF_once_for_the_process_and_a_token_key_signs_through_it()
    {
        var token = TestContext.Current.CancellationToken;
        var hsm = SoftHsm.Instance;
        NativeEnvironment.Set("SOFTHSM2_CONF", hsm.ConfigPath);
        hsm.InitToken(Label, token);
        var before = NativeEnvironment.Get("OPENSSL_CONF");
        string configuration;
        // First, before this process uses OpenSSL: OpenSSL reads OPENSSL_CONF when it starts.
        using (var engine = OpenSslPkcs11Engine.Configure(SoftHsm.ModulePath))
        {
            configuration = engine.ConfigurationPath;
            Assert.Equal(configuration, NativeEnvironment.Get("OPENSSL_CONF"));
            var text = File.ReadAllText(configuration);
            Assert.Contains($"MODULE_PATH = {SoftHsm.ModulePath}", text, StringComparison.Ordinal);
            Assert.Contains($"dynamic_path = {engine.EnginePath}", text, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => OpenSslPkcs11Engine.Configure(SoftHsm.ModulePath));

            using var temp = TempPath.Directory();
            var certificatePath = temp.Combine("client.pem");
            RSA tokenPublic;
            using (var module = Pkcs11Module.Load(SoftHsm.ModulePath))
            using (var session = UriSelection.OpenSession(module, Pkcs11Uri.Parse($"pkcs11:token={Label}"), SoftHsm.Pin, readWrite: true, loginRequired: true))
            {
                var (publicKey, _) = session.GenerateKeyPair(KeySpec.Parse("rsa:2048"), "tls", [0x7A]);
                tokenPublic = (RSA)PublicKeys.Read(session, publicKey);
            }
            using (tokenPublic)
            {
                File.WriteAllText(certificatePath, Certificate(tokenPublic).ExportCertificatePem());
                using var withKey = engine.LoadCertificate(certificatePath, Pkcs11Uri.Parse($"pkcs11:token={Label};id=%7A;type=private"), SoftHsm.Pin);
                using var privateKey = withKey.GetRSAPrivateKey()!;
                var data = RandomNumberGenerator.GetBytes(100);
                var signature = privateKey.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                Assert.True(tokenPublic.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
            var wrong = Assert.Throws<Pkcs11Exception>(() => engine.LoadCertificate(certificatePath, Pkcs11Uri.Parse($"pkcs11:token={Label};id=%7B;type=private"), SoftHsm.Pin));
            Assert.Contains("OpenSSL's pkcs11 engine could not open", wrong.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, NativeEnvironment.Get("OPENSSL_CONF"));
        Assert.False(File.Exists(configuration));
        using (OpenSslPkcs11Engine.Configure(SoftHsm.ModulePath))
        {
            // Disposed, so another set-up may follow.
        }
    }

    // A certificate for the token's public key, issued by a throwaway CA: the private key never leaves the token.
    private static X509Certificate2 Certificate(RSA tokenPublic)
    {
        using var caKey = RSA.Create(2048); // CertificateRequest.Create signs with the issuer's key type, which must be the request's
        var caRequest = new CertificateRequest("CN=hosting test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var request = new CertificateRequest("CN=token client", tokenPublic, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), [7]);
    }
}
