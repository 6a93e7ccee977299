namespace CardKit.Pkcs11;

/// <summary>What key to generate: "rsa:2048", "ec:p256", "ec:p384", "ed25519".</summary>
/// <param name="RsaBits">The RSA modulus size, or null for a curve.</param>
/// <param name="Curve">"P-256", "P-384" or "Ed25519", or null for RSA.</param>
/// <param name="EcParameters">CKA_EC_PARAMS of the curve (the DER OBJECT IDENTIFIER), or null for RSA.</param>
public sealed record KeySpec(int? RsaBits, string? Curve, byte[]? EcParameters)
{
    // DER OBJECT IDENTIFIERs of the named curves (RFC 5480 §2.1.1.1).
    private static readonly byte[] P256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    private static readonly byte[] P384 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22];

    // id-Ed25519 1.3.101.112 (RFC 8410 §3), the CKA_EC_PARAMS of an Edwards key (PKCS#11 3.0 §2.3.5).
    internal static readonly byte[] Ed25519 = [0x06, 0x03, 0x2B, 0x65, 0x70];

    /// <summary>True for Ed25519 (CKM_EC_EDWARDS_KEY_PAIR_GEN).</summary>
    public bool IsEdwards => Curve == "Ed25519";

    /// <summary>Parses "rsa:BITS", "ec:p256", "ec:p384" (or their OpenSSL names) and "ed25519", in any case.</summary>
    /// <exception cref="ArgumentException">Not rsa:BITS (1024-16384) or ec:p256/p384.</exception>
    public static KeySpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.ToLowerInvariant().Split(':');
        if (parts.Length == 2 && parts[0] == "rsa" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits is >= 1024 and <= 16384)
            return new KeySpec(bits, null, null);
        if (parts.Length == 1 && parts[0] == "ed25519")
            return new KeySpec(null, "Ed25519", Ed25519);
        if (parts.Length == 2 && parts[0] == "ec")
        {
            return parts[1] switch
            {
                "p256" or "prime256v1" or "secp256r1" => new KeySpec(null, "P-256", P256),
                "p384" or "secp384r1" => new KeySpec(null, "P-384", P384),
                _ => throw new ArgumentException($"unknown curve '{parts[1]}': use p256 or p384", nameof(text)),
            };
        }
        throw new ArgumentException($"'{text}' is not a key type: use rsa:2048 (1024-16384), ec:p256, ec:p384 or ed25519", nameof(text));
    }
}
