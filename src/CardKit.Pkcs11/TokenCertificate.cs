using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CardKit.Pkcs11;

/// <summary>
/// A certificate whose private key stays in a PKCS#11 token, for TLS: OpenSSL's pkcs11 engine
/// (libengine-pkcs11-openssl) opens the key by URI, .NET wraps it as RSAOpenSsl/ECDsaOpenSsl and
/// attaches it to the certificate. The engine must already know the module: that is a process-wide
/// OpenSSL set-up the host makes once (CardKit.Hosting's OpenSslPkcs11Engine), not this class.
/// </summary>
public static class TokenCertificate
{
    /// <summary>The PEM certificate at <paramref name="certificatePath"/> with the token key <paramref name="keyUri"/> names attached.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="Pkcs11Exception">The certificate cannot be read or the key cannot be opened.</exception>
    public static X509Certificate2 Load(string certificatePath, Pkcs11Uri keyUri, string pin)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        ArgumentNullException.ThrowIfNull(keyUri);
        ArgumentNullException.ThrowIfNull(pin);
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("keys in a token for TLS need OpenSSL's pkcs11 engine, which CardKit uses on Linux only");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
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
            certificate.Dispose();
            throw new Pkcs11Exception($"OpenSSL's pkcs11 engine could not open {keyUri.Redacted()}: {e.Message} (wrong PIN, or no such private key?)", e);
        }
        using (key)
        using (certificate)
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
}
