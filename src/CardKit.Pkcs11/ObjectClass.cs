namespace CardKit.Pkcs11;

/// <summary>
/// CK_OBJECT_CLASS, the value of CKA_CLASS (PKCS#11 2.40 base specification §4.1, 3.0 adds
/// profiles). Values the module defines beyond these are kept as numbers: <c>(ObjectClass)0x80000001</c>.
/// </summary>
public enum ObjectClass : ulong
{
    /// <summary>CKO_DATA.</summary>
    Data = 0x0,

    /// <summary>CKO_CERTIFICATE.</summary>
    Certificate = 0x1,

    /// <summary>CKO_PUBLIC_KEY.</summary>
    PublicKey = 0x2,

    /// <summary>CKO_PRIVATE_KEY.</summary>
    PrivateKey = 0x3,

    /// <summary>CKO_SECRET_KEY.</summary>
    SecretKey = 0x4,

    /// <summary>CKO_HW_FEATURE.</summary>
    HardwareFeature = 0x5,

    /// <summary>CKO_DOMAIN_PARAMETERS.</summary>
    DomainParameters = 0x6,

    /// <summary>CKO_MECHANISM.</summary>
    Mechanism = 0x7,

    /// <summary>CKO_OTP_KEY.</summary>
    OtpKey = 0x8,

    /// <summary>CKO_PROFILE (PKCS#11 3.0).</summary>
    Profile = 0x9,

    /// <summary>CKO_VENDOR_DEFINED: the first value a vendor may use.</summary>
    VendorDefined = 0x80000000,
}
