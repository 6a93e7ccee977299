namespace CardKit.Pkcs11;

/// <summary>CK_MECHANISM_INFO flags: what a mechanism can do on a token (base specification §3.6).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Named after the CK_MECHANISM_INFO flags field.")]
public enum MechanismFlags : ulong
{
    /// <summary>No flag.</summary>
    None = 0x0,

    /// <summary>CKF_HW: performed by the device.</summary>
    Hardware = 0x1,

    /// <summary>CKF_ENCRYPT.</summary>
    Encrypt = 0x100,

    /// <summary>CKF_DECRYPT.</summary>
    Decrypt = 0x200,

    /// <summary>CKF_DIGEST.</summary>
    Digest = 0x400,

    /// <summary>CKF_SIGN.</summary>
    Sign = 0x800,

    /// <summary>CKF_SIGN_RECOVER.</summary>
    SignRecover = 0x1000,

    /// <summary>CKF_VERIFY.</summary>
    Verify = 0x2000,

    /// <summary>CKF_VERIFY_RECOVER.</summary>
    VerifyRecover = 0x4000,

    /// <summary>CKF_GENERATE: secret key generation.</summary>
    Generate = 0x8000,

    /// <summary>CKF_GENERATE_KEY_PAIR.</summary>
    GenerateKeyPair = 0x10000,

    /// <summary>CKF_WRAP.</summary>
    Wrap = 0x20000,

    /// <summary>CKF_UNWRAP.</summary>
    Unwrap = 0x40000,

    /// <summary>CKF_DERIVE.</summary>
    Derive = 0x80000,

    /// <summary>CKF_EC_F_P: curves over prime fields.</summary>
    EcFp = 0x100000,

    /// <summary>CKF_EC_F_2M: curves over binary fields.</summary>
    EcF2m = 0x200000,

    /// <summary>CKF_EC_ECPARAMETERS: curves given by parameters.</summary>
    EcParameters = 0x400000,

    /// <summary>CKF_EC_OID (2.40 CKF_EC_NAMEDCURVE): curves given by OID.</summary>
    EcOid = 0x800000,

    /// <summary>CKF_EC_UNCOMPRESS: uncompressed points.</summary>
    EcUncompress = 0x1000000,

    /// <summary>CKF_EC_COMPRESS: compressed points.</summary>
    EcCompress = 0x2000000,

    /// <summary>CKF_EXTENSION: more flags follow elsewhere.</summary>
    Extension = 0x80000000,
}
