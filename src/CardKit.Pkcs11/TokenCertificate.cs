using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
namespace CardKit.Pkcs11;

/// <summary>
/// A certificate whose private key stays in a PKCS#11 token: OpenSSL's pkcs11 engine
/// (libengine-pkcs11-openssl) opens the key by URI, .NET wraps it as RSAOpenSsl/ECDsaOpenSsl and
/// attaches it to the certificate. The engine is pointed at the module with a generated
/// OPENSSL_CONF (MODULE_PATH), set in the native environment before OpenSSL is first used.
/// </summary>
public static partial class TokenCertificate
{
    private static readonly string[] EnginePaths = ["/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so", "/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so", "/usr/lib/engines-3/pkcs11.so"];

    /// <exception cref="Pkcs11Exception">The certificate or the key cannot be opened.</exception>
    public static X509Certificate2 Load(string certificatePath, Pkcs11Uri keyUri, string pin, string modulePath)
    {
        ArgumentNullException.ThrowIfNull(keyUri);
        ArgumentNullException.ThrowIfNull(pin);
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("keys in a token for TLS need OpenSSL's pkcs11 engine, which CardKit uses on Linux only");
        var engine = EnginePaths.FirstOrDefault(File.Exists)
            ?? throw new Pkcs11ModuleException("OpenSSL's pkcs11 engine is missing: apt-get install libengine-pkcs11-openssl");
        ConfigureEngine(engine, modulePath);
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        }
        catch (Exception e) when (e is FileNotFoundException or CryptographicException or ArgumentException)
        {
            throw new Pkcs11Exception($"certificate '{certificatePath}': {e.Message}", e);
        }
        // libp11 reads the PIN from the path part (';pin-value='), not from the RFC 7512 query.
        var id = keyUri.PathText() + ";pin-value=" + Uri.EscapeDataString(pin);
        SafeEvpPKeyHandle key;
        try
        {
            key = SafeEvpPKeyHandle.OpenPrivateKeyFromEngine("pkcs11", id);
        }
        catch (CryptographicException e)
        {
            throw new Pkcs11Exception($"OpenSSL's pkcs11 engine could not open {UriSelection.Redacted(keyUri)}: {e.Message} (wrong PIN, or no such private key?)", e);
        }
        using (key)
        {
            if (certificate.GetRSAPublicKey() is { } rsaPublic)
            {
                rsaPublic.Dispose();
                using var rsa = new RSAOpenSsl(key);
                return certificate.CopyWithPrivateKey(rsa);
            }
            using var ec = new ECDsaOpenSsl(key);
            return certificate.CopyWithPrivateKey(ec);
        }
    }

    private static void ConfigureEngine(string engine, string modulePath)
    {
        var config = Path.Combine(Path.GetTempPath(), $"cardkit-openssl-{Environment.ProcessId}.cnf");
        File.WriteAllText(config, $"""
            openssl_conf = openssl_init
            [openssl_init]
            engines = engine_section
            [engine_section]
            pkcs11 = pkcs11_section
            [pkcs11_section]
            engine_id = pkcs11
            dynamic_path = {engine}
            MODULE_PATH = {modulePath}
            init = 0
            """);
        // .NET's Environment.SetEnvironmentVariable does not reach the native environ OpenSSL reads.
        if (setenv("OPENSSL_CONF", config, 1) != 0)
            throw new Pkcs11ModuleException("could not set OPENSSL_CONF for the pkcs11 engine");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(config);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
