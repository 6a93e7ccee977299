namespace CardKit.Pkcs11;

/// <summary>Mechanism names as pkcs11-tool spells them, and the signing mechanisms CardKit's CLI accepts.</summary>
public static class Mechanisms
{
    private static readonly Dictionary<ulong, string> Names = new()
    {
        [0x0000] = "RSA-PKCS-KEY-PAIR-GEN", [0x0001] = "RSA-PKCS", [0x0003] = "RSA-X-509", [0x0009] = "RSA-PKCS-OAEP",
        [0x000D] = "RSA-PKCS-PSS", [0x0006] = "SHA1-RSA-PKCS", [0x0040] = "SHA256-RSA-PKCS", [0x0041] = "SHA384-RSA-PKCS",
        [0x0042] = "SHA512-RSA-PKCS", [0x0043] = "SHA256-RSA-PKCS-PSS", [0x0044] = "SHA384-RSA-PKCS-PSS", [0x0045] = "SHA512-RSA-PKCS-PSS",
        [0x0060] = "SHA3-256-RSA-PKCS", [0x0063] = "SHA3-256-RSA-PKCS-PSS", [0x02B0] = "SHA3-256",
        [0x0220] = "SHA-1", [0x0250] = "SHA256", [0x0260] = "SHA384", [0x0270] = "SHA512",
        [0x1040] = "ECDSA-KEY-PAIR-GEN", [0x1041] = "ECDSA", [0x1042] = "ECDSA-SHA1", [0x1044] = "ECDSA-SHA256",
        [0x1045] = "ECDSA-SHA384", [0x1046] = "ECDSA-SHA512", [0x1050] = "ECDH1-DERIVE", [0x1055] = "EC-EDWARDS-KEY-PAIR-GEN", [0x1057] = "EDDSA", [0x2109] = "AES-KEY-WRAP",
        [0x1080] = "AES-KEY-GEN", [0x1081] = "AES-ECB", [0x1082] = "AES-CBC", [0x1085] = "AES-CBC-PAD", [0x1087] = "AES-GCM",
    };

    public static string Name(ulong type) => Names.TryGetValue(type, out var name) ? name : $"0x{type:X8}";

    /// <summary>The signature schemes `cardkit p11 sign` offers.</summary>
    public static IReadOnlyList<string> SignatureNames { get; } = ["SHA256-RSA-PKCS", "SHA384-RSA-PKCS", "SHA512-RSA-PKCS", "SHA256-RSA-PKCS-PSS", "SHA384-RSA-PKCS-PSS", "SHA512-RSA-PKCS-PSS", "SHA3-256-RSA-PKCS", "SHA3-256-RSA-PKCS-PSS", "ECDSA-SHA256", "ECDSA-SHA384", "EDDSA"];
}
