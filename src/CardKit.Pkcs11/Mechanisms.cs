namespace CardKit.Pkcs11;

/// <summary>Mechanism names as pkcs11-tool spells them, and the signing mechanisms CardKit's CLI accepts.</summary>
public static class Mechanisms
{
    // PKCS#11 2.40/3.0 current mechanisms (pkcs11t.h values), spelled as pkcs11-tool prints them.
    private static readonly Dictionary<ulong, string> Names = new()
    {
        [0x0000] = "RSA-PKCS-KEY-PAIR-GEN", [0x0001] = "RSA-PKCS", [0x0003] = "RSA-X-509", [0x0005] = "MD5-RSA-PKCS", [0x0006] = "SHA1-RSA-PKCS",
        [0x0009] = "RSA-PKCS-OAEP", [0x000D] = "RSA-PKCS-PSS", [0x000E] = "SHA1-RSA-PKCS-PSS",
        [0x0020] = "DH-PKCS-KEY-PAIR-GEN", [0x0021] = "DH-PKCS-DERIVE",
        [0x0040] = "SHA256-RSA-PKCS", [0x0041] = "SHA384-RSA-PKCS", [0x0042] = "SHA512-RSA-PKCS", [0x0043] = "SHA256-RSA-PKCS-PSS",
        [0x0044] = "SHA384-RSA-PKCS-PSS", [0x0045] = "SHA512-RSA-PKCS-PSS", [0x0046] = "SHA224-RSA-PKCS", [0x0047] = "SHA224-RSA-PKCS-PSS",
        [0x0060] = "SHA3-256-RSA-PKCS", [0x0063] = "SHA3-256-RSA-PKCS-PSS",
        [0x0120] = "DES-KEY-GEN", [0x0121] = "DES-ECB", [0x0122] = "DES-CBC", [0x0125] = "DES-CBC-PAD",
        [0x0130] = "DES2-KEY-GEN", [0x0131] = "DES3-KEY-GEN", [0x0132] = "DES3-ECB", [0x0133] = "DES3-CBC", [0x0136] = "DES3-CBC-PAD",
        [0x0210] = "MD5", [0x0211] = "MD5-HMAC", [0x0212] = "MD5-HMAC-GENERAL",
        [0x0220] = "SHA-1", [0x0221] = "SHA-1-HMAC", [0x0222] = "SHA-1-HMAC-GENERAL",
        [0x0250] = "SHA256", [0x0251] = "SHA256-HMAC", [0x0252] = "SHA256-HMAC-GENERAL",
        [0x0255] = "SHA224", [0x0256] = "SHA224-HMAC", [0x0257] = "SHA224-HMAC-GENERAL",
        [0x0260] = "SHA384", [0x0261] = "SHA384-HMAC", [0x0262] = "SHA384-HMAC-GENERAL",
        [0x0270] = "SHA512", [0x0271] = "SHA512-HMAC", [0x0272] = "SHA512-HMAC-GENERAL",
        [0x02B0] = "SHA3-256", [0x0350] = "GENERIC-SECRET-KEY-GEN",
        [0x0370] = "SSL3-PRE-MASTER-KEY-GEN", [0x0371] = "SSL3-MASTER-KEY-DERIVE", [0x0372] = "SSL3-KEY-AND-MAC-DERIVE",
        [0x0380] = "SSL3-MD5-MAC", [0x0381] = "SSL3-SHA1-MAC",
        [0x1040] = "ECDSA-KEY-PAIR-GEN", [0x1041] = "ECDSA", [0x1042] = "ECDSA-SHA1", [0x1043] = "ECDSA-SHA224", [0x1044] = "ECDSA-SHA256",
        [0x1045] = "ECDSA-SHA384", [0x1046] = "ECDSA-SHA512", [0x1050] = "ECDH1-DERIVE", [0x1051] = "ECDH1-COFACTOR-DERIVE",
        [0x1055] = "EC-EDWARDS-KEY-PAIR-GEN", [0x1057] = "EDDSA",
        [0x1080] = "AES-KEY-GEN", [0x1081] = "AES-ECB", [0x1082] = "AES-CBC", [0x1083] = "AES-MAC", [0x1084] = "AES-MAC-GENERAL",
        [0x1085] = "AES-CBC-PAD", [0x1086] = "AES-CTR", [0x1087] = "AES-GCM", [0x1088] = "AES-CCM", [0x1089] = "AES-CTS",
        [0x108A] = "AES-CMAC", [0x108B] = "AES-CMAC-GENERAL",
        [0x1100] = "DES-ECB-ENCRYPT-DATA", [0x1101] = "DES-CBC-ENCRYPT-DATA", [0x1102] = "DES3-ECB-ENCRYPT-DATA", [0x1103] = "DES3-CBC-ENCRYPT-DATA",
        [0x1104] = "AES-ECB-ENCRYPT-DATA", [0x1105] = "AES-CBC-ENCRYPT-DATA",
        [0x2109] = "AES-KEY-WRAP", [0x210A] = "AES-KEY-WRAP-PAD",
    };

    public static string Name(ulong type) => Names.TryGetValue(type, out var name) ? name : $"0x{type:X8}";

    /// <summary>The signature schemes `cardkit p11 sign` offers.</summary>
    public static IReadOnlyList<string> SignatureNames { get; } = ["SHA256-RSA-PKCS", "SHA384-RSA-PKCS", "SHA512-RSA-PKCS", "SHA256-RSA-PKCS-PSS", "SHA384-RSA-PKCS-PSS", "SHA512-RSA-PKCS-PSS", "SHA3-256-RSA-PKCS", "SHA3-256-RSA-PKCS-PSS", "ECDSA-SHA256", "ECDSA-SHA384", "EDDSA"];
}
