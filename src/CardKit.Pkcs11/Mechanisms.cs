using System.Globalization;

namespace CardKit.Pkcs11;

/// <summary>Mechanism names as pkcs11-tool spells them, and the signature schemes <see cref="SignatureScheme"/> knows.</summary>
public static class Mechanisms
{
    // PKCS#11 2.40/3.0 current mechanisms, spelled as pkcs11-tool prints them.
    private static readonly Dictionary<MechanismType, string> Names = new()
    {
        [MechanismType.RsaPkcsKeyPairGen] = "RSA-PKCS-KEY-PAIR-GEN", [MechanismType.RsaPkcs] = "RSA-PKCS", [MechanismType.RsaX509] = "RSA-X-509",
        [MechanismType.Md5RsaPkcs] = "MD5-RSA-PKCS", [MechanismType.Sha1RsaPkcs] = "SHA1-RSA-PKCS", [MechanismType.RsaPkcsOaep] = "RSA-PKCS-OAEP",
        [MechanismType.RsaPkcsPss] = "RSA-PKCS-PSS", [MechanismType.Sha1RsaPkcsPss] = "SHA1-RSA-PKCS-PSS", [MechanismType.DhPkcsKeyPairGen] = "DH-PKCS-KEY-PAIR-GEN",
        [MechanismType.DhPkcsDerive] = "DH-PKCS-DERIVE", [MechanismType.Sha256RsaPkcs] = "SHA256-RSA-PKCS", [MechanismType.Sha384RsaPkcs] = "SHA384-RSA-PKCS",
        [MechanismType.Sha512RsaPkcs] = "SHA512-RSA-PKCS", [MechanismType.Sha256RsaPkcsPss] = "SHA256-RSA-PKCS-PSS", [MechanismType.Sha384RsaPkcsPss] = "SHA384-RSA-PKCS-PSS",
        [MechanismType.Sha512RsaPkcsPss] = "SHA512-RSA-PKCS-PSS", [MechanismType.Sha224RsaPkcs] = "SHA224-RSA-PKCS", [MechanismType.Sha224RsaPkcsPss] = "SHA224-RSA-PKCS-PSS",
        [MechanismType.Sha3Digest256RsaPkcs] = "SHA3-256-RSA-PKCS", [MechanismType.Sha3Digest256RsaPkcsPss] = "SHA3-256-RSA-PKCS-PSS", [MechanismType.DesKeyGen] = "DES-KEY-GEN",
        [MechanismType.DesEcb] = "DES-ECB", [MechanismType.DesCbc] = "DES-CBC", [MechanismType.DesCbcPad] = "DES-CBC-PAD",
        [MechanismType.Des2KeyGen] = "DES2-KEY-GEN", [MechanismType.Des3KeyGen] = "DES3-KEY-GEN", [MechanismType.Des3Ecb] = "DES3-ECB",
        [MechanismType.Des3Cbc] = "DES3-CBC", [MechanismType.Des3CbcPad] = "DES3-CBC-PAD", [MechanismType.Md5] = "MD5",
        [MechanismType.Md5Hmac] = "MD5-HMAC", [MechanismType.Md5HmacGeneral] = "MD5-HMAC-GENERAL", [MechanismType.Sha1] = "SHA-1",
        [MechanismType.Sha1Hmac] = "SHA-1-HMAC", [MechanismType.Sha1HmacGeneral] = "SHA-1-HMAC-GENERAL", [MechanismType.Sha256] = "SHA256",
        [MechanismType.Sha256Hmac] = "SHA256-HMAC", [MechanismType.Sha256HmacGeneral] = "SHA256-HMAC-GENERAL", [MechanismType.Sha224] = "SHA224",
        [MechanismType.Sha224Hmac] = "SHA224-HMAC", [MechanismType.Sha224HmacGeneral] = "SHA224-HMAC-GENERAL", [MechanismType.Sha384] = "SHA384",
        [MechanismType.Sha384Hmac] = "SHA384-HMAC", [MechanismType.Sha384HmacGeneral] = "SHA384-HMAC-GENERAL", [MechanismType.Sha512] = "SHA512",
        [MechanismType.Sha512Hmac] = "SHA512-HMAC", [MechanismType.Sha512HmacGeneral] = "SHA512-HMAC-GENERAL", [MechanismType.Sha3Digest256] = "SHA3-256",
        [MechanismType.GenericSecretKeyGen] = "GENERIC-SECRET-KEY-GEN", [MechanismType.Ssl3PreMasterKeyGen] = "SSL3-PRE-MASTER-KEY-GEN", [MechanismType.Ssl3MasterKeyDerive] = "SSL3-MASTER-KEY-DERIVE",
        [MechanismType.Ssl3KeyAndMacDerive] = "SSL3-KEY-AND-MAC-DERIVE", [MechanismType.Ssl3Md5Mac] = "SSL3-MD5-MAC", [MechanismType.Ssl3Sha1Mac] = "SSL3-SHA1-MAC",
        [MechanismType.EcKeyPairGen] = "ECDSA-KEY-PAIR-GEN", [MechanismType.Ecdsa] = "ECDSA", [MechanismType.EcdsaSha1] = "ECDSA-SHA1",
        [MechanismType.EcdsaSha224] = "ECDSA-SHA224", [MechanismType.EcdsaSha256] = "ECDSA-SHA256", [MechanismType.EcdsaSha384] = "ECDSA-SHA384",
        [MechanismType.EcdsaSha512] = "ECDSA-SHA512", [MechanismType.Ecdh1Derive] = "ECDH1-DERIVE", [MechanismType.Ecdh1CofactorDerive] = "ECDH1-COFACTOR-DERIVE",
        [MechanismType.EcEdwardsKeyPairGen] = "EC-EDWARDS-KEY-PAIR-GEN", [MechanismType.Eddsa] = "EDDSA", [MechanismType.AesKeyGen] = "AES-KEY-GEN",
        [MechanismType.AesEcb] = "AES-ECB", [MechanismType.AesCbc] = "AES-CBC", [MechanismType.AesMac] = "AES-MAC",
        [MechanismType.AesMacGeneral] = "AES-MAC-GENERAL", [MechanismType.AesCbcPad] = "AES-CBC-PAD", [MechanismType.AesCtr] = "AES-CTR",
        [MechanismType.AesGcm] = "AES-GCM", [MechanismType.AesCcm] = "AES-CCM", [MechanismType.AesCts] = "AES-CTS",
        [MechanismType.AesCmac] = "AES-CMAC", [MechanismType.AesCmacGeneral] = "AES-CMAC-GENERAL", [MechanismType.DesEcbEncryptData] = "DES-ECB-ENCRYPT-DATA",
        [MechanismType.DesCbcEncryptData] = "DES-CBC-ENCRYPT-DATA", [MechanismType.Des3EcbEncryptData] = "DES3-ECB-ENCRYPT-DATA", [MechanismType.Des3CbcEncryptData] = "DES3-CBC-ENCRYPT-DATA",
        [MechanismType.AesEcbEncryptData] = "AES-ECB-ENCRYPT-DATA", [MechanismType.AesCbcEncryptData] = "AES-CBC-ENCRYPT-DATA", [MechanismType.AesKeyWrap] = "AES-KEY-WRAP",
        [MechanismType.AesKeyWrapPad] = "AES-KEY-WRAP-PAD",
    };

    /// <summary>The pkcs11-tool name of <paramref name="type"/> ("SHA256-RSA-PKCS"), or "0x80000001" for one it does not name.</summary>
    public static string Name(MechanismType type) => Names.TryGetValue(type, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"0x{(ulong)type:X8}");

    /// <summary>The signature schemes <see cref="SignatureScheme.Parse"/> accepts, by name.</summary>
    public static IReadOnlyList<string> SignatureNames { get; } = ["SHA256-RSA-PKCS", "SHA384-RSA-PKCS", "SHA512-RSA-PKCS", "SHA256-RSA-PKCS-PSS", "SHA384-RSA-PKCS-PSS", "SHA512-RSA-PKCS-PSS", "SHA3-256-RSA-PKCS", "SHA3-256-RSA-PKCS-PSS", "ECDSA-SHA256", "ECDSA-SHA384", "EDDSA"];
}
