namespace CardKit.Pkcs11;

/// <summary>CK_CERTIFICATE_TYPE, the value of CKA_CERTIFICATE_TYPE (base specification §4.6). Other values are kept as numbers.</summary>
public enum CertificateType : ulong
{
    /// <summary>CKC_X_509.</summary>
    X509 = 0x0,

    /// <summary>CKC_X_509_ATTR_CERT.</summary>
    X509AttributeCertificate = 0x1,

    /// <summary>CKC_WTLS.</summary>
    Wtls = 0x2,

    /// <summary>CKC_VENDOR_DEFINED: the first value a vendor may use.</summary>
    VendorDefined = 0x80000000,
}
