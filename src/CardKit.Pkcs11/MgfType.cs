namespace CardKit.Pkcs11;

/// <summary>CK_RSA_PKCS_MGF_TYPE: the MGF1 hash of RSA-OAEP and RSA-PSS (current mechanisms §2.1.7; SHA-3 in 3.0 §2.1.7).</summary>
public enum MgfType : ulong
{
    /// <summary>CKG_MGF1_SHA1.</summary>
    Sha1 = 0x1,

    /// <summary>CKG_MGF1_SHA256.</summary>
    Sha256 = 0x2,

    /// <summary>CKG_MGF1_SHA384.</summary>
    Sha384 = 0x3,

    /// <summary>CKG_MGF1_SHA512.</summary>
    Sha512 = 0x4,

    /// <summary>CKG_MGF1_SHA224.</summary>
    Sha224 = 0x5,

    /// <summary>CKG_MGF1_SHA3_224.</summary>
    Sha3Digest224 = 0x6,

    /// <summary>CKG_MGF1_SHA3_256.</summary>
    Sha3Digest256 = 0x7,

    /// <summary>CKG_MGF1_SHA3_384.</summary>
    Sha3Digest384 = 0x8,

    /// <summary>CKG_MGF1_SHA3_512.</summary>
    Sha3Digest512 = 0x9,
}
