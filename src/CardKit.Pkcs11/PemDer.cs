using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// Keys and certificates in and out of files: PEM (RFC 7468) or DER, certificates either way, private
/// keys as unencrypted PEM (PKCS#8, PKCS#1 RSA, SEC1 EC). A file name ending in ".der" means DER.
/// </summary>
public static class PemDer
{
    /// <summary>A certificate in PEM ("-----BEGIN CERTIFICATE-----") or DER.</summary>
    /// <exception cref="CardKitFormatException">Neither.</exception>
    public static X509Certificate2 ReadCertificate(ReadOnlySpan<byte> content)
    {
        try
        {
            return content.IndexOf("-----BEGIN"u8) >= 0
                ? X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(content))
                : X509CertificateLoader.LoadCertificate(content);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CardKitFormatException($"not an X.509 certificate in PEM or DER: {e.Message}", inner: e);
        }
    }

    /// <summary>An RSA or EC private key from unencrypted PEM (PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY").</summary>
    /// <exception cref="CardKitFormatException">No RSA or EC private key in it.</exception>
    public static AsymmetricAlgorithm ReadPrivateKey(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        // RSA first; a PEM that is not an RSA key is tried as EC, whose error is the one reported.
        Exception? error = null;
        foreach (var create in KeyKinds)
        {
            var key = create();
            try
            {
                key.ImportFromPem(pem);
                return key;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                key.Dispose();
                error = e;
            }
        }
        throw new CardKitFormatException($"not an unencrypted RSA or EC private key in PEM: {error!.Message}", inner: error);
    }

    private static readonly Func<AsymmetricAlgorithm>[] KeyKinds = [RSA.Create, ECDsa.Create];

    /// <summary>True when <paramref name="path"/> ends in ".der" (any case): write DER there, PEM elsewhere.</summary>
    public static bool IsDerFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".der", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>PEM text of <paramref name="der"/> under <paramref name="label"/> ("CERTIFICATE", "PUBLIC KEY"), ending in a newline.</summary>
    public static string ToPem(string label, ReadOnlySpan<byte> der) => PemEncoding.WriteString(label, der) + "\n";

    /// <summary>What to write to <paramref name="path"/>: <paramref name="der"/> itself for a ".der" name, else its PEM text.</summary>
    public static byte[] ForFile(string path, string label, byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        return IsDerFileName(path) ? der : Encoding.ASCII.GetBytes(ToPem(label, der));
    }
}
