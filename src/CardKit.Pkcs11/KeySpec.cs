namespace CardKit.Pkcs11;

/// <summary>What key to generate: "rsa:2048", "ec:p256", "ec:p384".</summary>
public sealed record KeySpec(int? RsaBits, string? Curve, byte[]? EcParameters)
{
    // DER OBJECT IDENTIFIERs of the named curves (RFC 5480 §2.1.1.1).
    private static readonly byte[] P256 = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    private static readonly byte[] P384 = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22];

    /// <exception cref="ArgumentException">Not rsa:BITS (1024-16384) or ec:p256/p384.</exception>
    public static KeySpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.ToLowerInvariant().Split(':');
        if (parts.Length == 2 && parts[0] == "rsa" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits is >= 1024 and <= 16384)
            return new KeySpec(bits, null, null);
        if (parts.Length == 2 && parts[0] == "ec")
        {
            return parts[1] switch
            {
                "p256" or "prime256v1" or "secp256r1" => new KeySpec(null, "P-256", P256),
                "p384" or "secp384r1" => new KeySpec(null, "P-384", P384),
                _ => throw new ArgumentException($"unknown curve '{parts[1]}': use p256 or p384", nameof(text)),
            };
        }
        throw new ArgumentException($"'{text}' is not a key type: use rsa:2048 (1024-16384), ec:p256 or ec:p384", nameof(text));
    }
}
