namespace CardKit.Pkcs11;

/// <summary>
/// CK_KEY_TYPE, the value of CKA_KEY_TYPE (PKCS#11 2.40 base specification §4.8 and current
/// mechanisms; 3.0 adds the Edwards and Montgomery curves). Other values are kept as numbers.
/// </summary>
public enum KeyType : ulong
{
    /// <summary>CKK_RSA.</summary>
    Rsa = 0x0,

    /// <summary>CKK_DSA.</summary>
    Dsa = 0x1,

    /// <summary>CKK_DH.</summary>
    Dh = 0x2,

    /// <summary>CKK_EC (also CKK_ECDSA).</summary>
    Ec = 0x3,

    /// <summary>CKK_X9_42_DH.</summary>
    X942Dh = 0x4,

    /// <summary>CKK_GENERIC_SECRET.</summary>
    GenericSecret = 0x10,

    /// <summary>CKK_RC2.</summary>
    Rc2 = 0x11,

    /// <summary>CKK_RC4.</summary>
    Rc4 = 0x12,

    /// <summary>CKK_DES.</summary>
    Des = 0x13,

    /// <summary>CKK_DES2.</summary>
    Des2 = 0x14,

    /// <summary>CKK_DES3.</summary>
    Des3 = 0x15,

    /// <summary>CKK_AES.</summary>
    Aes = 0x1F,

    /// <summary>CKK_BLOWFISH.</summary>
    Blowfish = 0x20,

    /// <summary>CKK_TWOFISH.</summary>
    Twofish = 0x21,

    /// <summary>CKK_CAMELLIA.</summary>
    Camellia = 0x25,

    /// <summary>CKK_ARIA.</summary>
    Aria = 0x26,

    /// <summary>CKK_SHA256_HMAC.</summary>
    Sha256Hmac = 0x2B,

    /// <summary>CKK_GOSTR3410.</summary>
    Gostr3410 = 0x30,

    /// <summary>CKK_CHACHA20 (3.0).</summary>
    ChaCha20 = 0x33,

    /// <summary>CKK_POLY1305 (3.0).</summary>
    Poly1305 = 0x34,

    /// <summary>CKK_EC_EDWARDS (3.0): Ed25519, Ed448.</summary>
    EcEdwards = 0x40,

    /// <summary>CKK_EC_MONTGOMERY (3.0): X25519, X448.</summary>
    EcMontgomery = 0x41,

    /// <summary>CKK_VENDOR_DEFINED: the first value a vendor may use.</summary>
    VendorDefined = 0x80000000,
}
