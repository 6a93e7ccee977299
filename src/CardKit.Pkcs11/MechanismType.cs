namespace CardKit.Pkcs11;

/// <summary>
/// CK_MECHANISM_TYPE: the mechanisms CardKit names (PKCS#11 2.40 and 3.0 current mechanisms,
/// pkcs11t.h values). <see cref="Mechanisms.Name"/> spells them as pkcs11-tool prints them; any
/// other value, a vendor's included, is kept as a number: <c>(MechanismType)0x80000001</c>.
/// </summary>
public enum MechanismType : ulong
{
    /// <summary>CKM_RSA_PKCS_KEY_PAIR_GEN.</summary>
    RsaPkcsKeyPairGen = 0x0,

    /// <summary>CKM_RSA_PKCS.</summary>
    RsaPkcs = 0x1,

    /// <summary>CKM_RSA_X_509.</summary>
    RsaX509 = 0x3,

    /// <summary>CKM_MD5_RSA_PKCS.</summary>
    Md5RsaPkcs = 0x5,

    /// <summary>CKM_SHA1_RSA_PKCS.</summary>
    Sha1RsaPkcs = 0x6,

    /// <summary>CKM_RSA_PKCS_OAEP.</summary>
    RsaPkcsOaep = 0x9,

    /// <summary>CKM_RSA_PKCS_PSS.</summary>
    RsaPkcsPss = 0xD,

    /// <summary>CKM_SHA1_RSA_PKCS_PSS.</summary>
    Sha1RsaPkcsPss = 0xE,

    /// <summary>CKM_DH_PKCS_KEY_PAIR_GEN.</summary>
    DhPkcsKeyPairGen = 0x20,

    /// <summary>CKM_DH_PKCS_DERIVE.</summary>
    DhPkcsDerive = 0x21,

    /// <summary>CKM_SHA256_RSA_PKCS.</summary>
    Sha256RsaPkcs = 0x40,

    /// <summary>CKM_SHA384_RSA_PKCS.</summary>
    Sha384RsaPkcs = 0x41,

    /// <summary>CKM_SHA512_RSA_PKCS.</summary>
    Sha512RsaPkcs = 0x42,

    /// <summary>CKM_SHA256_RSA_PKCS_PSS.</summary>
    Sha256RsaPkcsPss = 0x43,

    /// <summary>CKM_SHA384_RSA_PKCS_PSS.</summary>
    Sha384RsaPkcsPss = 0x44,

    /// <summary>CKM_SHA512_RSA_PKCS_PSS.</summary>
    Sha512RsaPkcsPss = 0x45,

    /// <summary>CKM_SHA224_RSA_PKCS.</summary>
    Sha224RsaPkcs = 0x46,

    /// <summary>CKM_SHA224_RSA_PKCS_PSS.</summary>
    Sha224RsaPkcsPss = 0x47,

    /// <summary>CKM_SHA3_256_RSA_PKCS.</summary>
    Sha3Digest256RsaPkcs = 0x60,

    /// <summary>CKM_SHA3_256_RSA_PKCS_PSS.</summary>
    Sha3Digest256RsaPkcsPss = 0x63,

    /// <summary>CKM_DES_KEY_GEN.</summary>
    DesKeyGen = 0x120,

    /// <summary>CKM_DES_ECB.</summary>
    DesEcb = 0x121,

    /// <summary>CKM_DES_CBC.</summary>
    DesCbc = 0x122,

    /// <summary>CKM_DES_CBC_PAD.</summary>
    DesCbcPad = 0x125,

    /// <summary>CKM_DES2_KEY_GEN.</summary>
    Des2KeyGen = 0x130,

    /// <summary>CKM_DES3_KEY_GEN.</summary>
    Des3KeyGen = 0x131,

    /// <summary>CKM_DES3_ECB.</summary>
    Des3Ecb = 0x132,

    /// <summary>CKM_DES3_CBC.</summary>
    Des3Cbc = 0x133,

    /// <summary>CKM_DES3_CBC_PAD.</summary>
    Des3CbcPad = 0x136,

    /// <summary>CKM_MD5.</summary>
    Md5 = 0x210,

    /// <summary>CKM_MD5_HMAC.</summary>
    Md5Hmac = 0x211,

    /// <summary>CKM_MD5_HMAC_GENERAL.</summary>
    Md5HmacGeneral = 0x212,

    /// <summary>CKM_SHA_1.</summary>
    Sha1 = 0x220,

    /// <summary>CKM_SHA_1_HMAC.</summary>
    Sha1Hmac = 0x221,

    /// <summary>CKM_SHA_1_HMAC_GENERAL.</summary>
    Sha1HmacGeneral = 0x222,

    /// <summary>CKM_SHA256.</summary>
    Sha256 = 0x250,

    /// <summary>CKM_SHA256_HMAC.</summary>
    Sha256Hmac = 0x251,

    /// <summary>CKM_SHA256_HMAC_GENERAL.</summary>
    Sha256HmacGeneral = 0x252,

    /// <summary>CKM_SHA224.</summary>
    Sha224 = 0x255,

    /// <summary>CKM_SHA224_HMAC.</summary>
    Sha224Hmac = 0x256,

    /// <summary>CKM_SHA224_HMAC_GENERAL.</summary>
    Sha224HmacGeneral = 0x257,

    /// <summary>CKM_SHA384.</summary>
    Sha384 = 0x260,

    /// <summary>CKM_SHA384_HMAC.</summary>
    Sha384Hmac = 0x261,

    /// <summary>CKM_SHA384_HMAC_GENERAL.</summary>
    Sha384HmacGeneral = 0x262,

    /// <summary>CKM_SHA512.</summary>
    Sha512 = 0x270,

    /// <summary>CKM_SHA512_HMAC.</summary>
    Sha512Hmac = 0x271,

    /// <summary>CKM_SHA512_HMAC_GENERAL.</summary>
    Sha512HmacGeneral = 0x272,

    /// <summary>CKM_SHA3_256.</summary>
    Sha3Digest256 = 0x2B0,

    /// <summary>CKM_GENERIC_SECRET_KEY_GEN.</summary>
    GenericSecretKeyGen = 0x350,

    /// <summary>CKM_SSL3_PRE_MASTER_KEY_GEN.</summary>
    Ssl3PreMasterKeyGen = 0x370,

    /// <summary>CKM_SSL3_MASTER_KEY_DERIVE.</summary>
    Ssl3MasterKeyDerive = 0x371,

    /// <summary>CKM_SSL3_KEY_AND_MAC_DERIVE.</summary>
    Ssl3KeyAndMacDerive = 0x372,

    /// <summary>CKM_SSL3_MD5_MAC.</summary>
    Ssl3Md5Mac = 0x380,

    /// <summary>CKM_SSL3_SHA1_MAC.</summary>
    Ssl3Sha1Mac = 0x381,

    /// <summary>CKM_EC_KEY_PAIR_GEN.</summary>
    EcKeyPairGen = 0x1040,

    /// <summary>CKM_ECDSA.</summary>
    Ecdsa = 0x1041,

    /// <summary>CKM_ECDSA_SHA1.</summary>
    EcdsaSha1 = 0x1042,

    /// <summary>CKM_ECDSA_SHA224.</summary>
    EcdsaSha224 = 0x1043,

    /// <summary>CKM_ECDSA_SHA256.</summary>
    EcdsaSha256 = 0x1044,

    /// <summary>CKM_ECDSA_SHA384.</summary>
    EcdsaSha384 = 0x1045,

    /// <summary>CKM_ECDSA_SHA512.</summary>
    EcdsaSha512 = 0x1046,

    /// <summary>CKM_ECDH1_DERIVE.</summary>
    Ecdh1Derive = 0x1050,

    /// <summary>CKM_ECDH1_COFACTOR_DERIVE.</summary>
    Ecdh1CofactorDerive = 0x1051,

    /// <summary>CKM_EC_EDWARDS_KEY_PAIR_GEN.</summary>
    EcEdwardsKeyPairGen = 0x1055,

    /// <summary>CKM_EDDSA.</summary>
    Eddsa = 0x1057,

    /// <summary>CKM_AES_KEY_GEN.</summary>
    AesKeyGen = 0x1080,

    /// <summary>CKM_AES_ECB.</summary>
    AesEcb = 0x1081,

    /// <summary>CKM_AES_CBC.</summary>
    AesCbc = 0x1082,

    /// <summary>CKM_AES_MAC.</summary>
    AesMac = 0x1083,

    /// <summary>CKM_AES_MAC_GENERAL.</summary>
    AesMacGeneral = 0x1084,

    /// <summary>CKM_AES_CBC_PAD.</summary>
    AesCbcPad = 0x1085,

    /// <summary>CKM_AES_CTR.</summary>
    AesCtr = 0x1086,

    /// <summary>CKM_AES_GCM.</summary>
    AesGcm = 0x1087,

    /// <summary>CKM_AES_CCM.</summary>
    AesCcm = 0x1088,

    /// <summary>CKM_AES_CTS.</summary>
    AesCts = 0x1089,

    /// <summary>CKM_AES_CMAC.</summary>
    AesCmac = 0x108A,

    /// <summary>CKM_AES_CMAC_GENERAL.</summary>
    AesCmacGeneral = 0x108B,

    /// <summary>CKM_DES_ECB_ENCRYPT_DATA.</summary>
    DesEcbEncryptData = 0x1100,

    /// <summary>CKM_DES_CBC_ENCRYPT_DATA.</summary>
    DesCbcEncryptData = 0x1101,

    /// <summary>CKM_DES3_ECB_ENCRYPT_DATA.</summary>
    Des3EcbEncryptData = 0x1102,

    /// <summary>CKM_DES3_CBC_ENCRYPT_DATA.</summary>
    Des3CbcEncryptData = 0x1103,

    /// <summary>CKM_AES_ECB_ENCRYPT_DATA.</summary>
    AesEcbEncryptData = 0x1104,

    /// <summary>CKM_AES_CBC_ENCRYPT_DATA.</summary>
    AesCbcEncryptData = 0x1105,

    /// <summary>CKM_AES_KEY_WRAP.</summary>
    AesKeyWrap = 0x2109,

    /// <summary>CKM_AES_KEY_WRAP_PAD.</summary>
    AesKeyWrapPad = 0x210A,

    /// <summary>CKM_VENDOR_DEFINED: the first value a vendor may use.</summary>
    VendorDefined = 0x80000000,
}
