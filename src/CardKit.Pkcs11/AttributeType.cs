namespace CardKit.Pkcs11;

/// <summary>
/// CK_ATTRIBUTE_TYPE (PKCS#11 2.40 base specification §4 and current mechanisms; 3.0 adds
/// CKA_UNIQUE_ID). Member names spell the C names in Pascal case, so <see cref="Pkcs11Names.Of(AttributeType)"/>
/// gives back CKA_*; a vendor attribute is kept as a number: <c>(AttributeType)0x80000010</c>.
/// </summary>
public enum AttributeType : ulong
{
    /// <summary>CKA_CLASS: the object class (<see cref="ObjectClass"/>).</summary>
    Class = 0x0,

    /// <summary>CKA_TOKEN: a token object (true) or a session object (false).</summary>
    Token = 0x1,

    /// <summary>CKA_PRIVATE: only a logged-in user sees the object.</summary>
    Private = 0x2,

    /// <summary>CKA_LABEL: the object's name, UTF-8.</summary>
    Label = 0x3,

    /// <summary>CKA_UNIQUE_ID (3.0): a token-assigned unique identifier.</summary>
    UniqueId = 0x4,

    /// <summary>CKA_APPLICATION: what a data object is for.</summary>
    Application = 0x10,

    /// <summary>CKA_VALUE: a data object's content, a certificate's DER, a secret or private value.</summary>
    Value = 0x11,

    /// <summary>CKA_OBJECT_ID: a data object's DER OBJECT IDENTIFIER.</summary>
    ObjectId = 0x12,

    /// <summary>CKA_CERTIFICATE_TYPE (<see cref="Pkcs11.CertificateType"/>).</summary>
    CertificateType = 0x80,

    /// <summary>CKA_ISSUER: DER of the certificate issuer's name.</summary>
    Issuer = 0x81,

    /// <summary>CKA_SERIAL_NUMBER: DER of the certificate serial number.</summary>
    SerialNumber = 0x82,

    /// <summary>CKA_TRUSTED: the certificate is trusted by the token.</summary>
    Trusted = 0x86,

    /// <summary>CKA_CERTIFICATE_CATEGORY.</summary>
    CertificateCategory = 0x87,

    /// <summary>CKA_CHECK_VALUE: a checksum of the key or certificate.</summary>
    CheckValue = 0x90,

    /// <summary>CKA_KEY_TYPE (<see cref="Pkcs11.KeyType"/>).</summary>
    KeyType = 0x100,

    /// <summary>CKA_SUBJECT: DER of the subject name.</summary>
    Subject = 0x101,

    /// <summary>CKA_ID: the identifier that ties a key pair and its certificate together.</summary>
    Id = 0x102,

    /// <summary>CKA_SENSITIVE: the key's secret values cannot be read.</summary>
    Sensitive = 0x103,

    /// <summary>CKA_ENCRYPT.</summary>
    Encrypt = 0x104,

    /// <summary>CKA_DECRYPT.</summary>
    Decrypt = 0x105,

    /// <summary>CKA_WRAP.</summary>
    Wrap = 0x106,

    /// <summary>CKA_UNWRAP.</summary>
    Unwrap = 0x107,

    /// <summary>CKA_SIGN.</summary>
    Sign = 0x108,

    /// <summary>CKA_SIGN_RECOVER.</summary>
    SignRecover = 0x109,

    /// <summary>CKA_VERIFY.</summary>
    Verify = 0x10A,

    /// <summary>CKA_VERIFY_RECOVER.</summary>
    VerifyRecover = 0x10B,

    /// <summary>CKA_DERIVE.</summary>
    Derive = 0x10C,

    /// <summary>CKA_START_DATE: a CK_DATE, empty when not set.</summary>
    StartDate = 0x110,

    /// <summary>CKA_END_DATE: a CK_DATE, empty when not set.</summary>
    EndDate = 0x111,

    /// <summary>CKA_MODULUS: the RSA modulus n, big-endian.</summary>
    Modulus = 0x120,

    /// <summary>CKA_MODULUS_BITS: the RSA key size.</summary>
    ModulusBits = 0x121,

    /// <summary>CKA_PUBLIC_EXPONENT: the RSA public exponent e.</summary>
    PublicExponent = 0x122,

    /// <summary>CKA_PRIVATE_EXPONENT: the RSA private exponent d.</summary>
    PrivateExponent = 0x123,

    /// <summary>CKA_PRIME_1: the RSA prime p.</summary>
    Prime1 = 0x124,

    /// <summary>CKA_PRIME_2: the RSA prime q.</summary>
    Prime2 = 0x125,

    /// <summary>CKA_EXPONENT_1: d mod (p-1).</summary>
    Exponent1 = 0x126,

    /// <summary>CKA_EXPONENT_2: d mod (q-1).</summary>
    Exponent2 = 0x127,

    /// <summary>CKA_COEFFICIENT: q^-1 mod p.</summary>
    Coefficient = 0x128,

    /// <summary>CKA_PUBLIC_KEY_INFO: the DER SubjectPublicKeyInfo.</summary>
    PublicKeyInfo = 0x129,

    /// <summary>CKA_PRIME: a DSA or DH prime.</summary>
    Prime = 0x130,

    /// <summary>CKA_SUBPRIME.</summary>
    Subprime = 0x131,

    /// <summary>CKA_BASE.</summary>
    Base = 0x132,

    /// <summary>CKA_VALUE_BITS.</summary>
    ValueBits = 0x160,

    /// <summary>CKA_VALUE_LEN: a secret key's length in bytes.</summary>
    ValueLen = 0x161,

    /// <summary>CKA_EXTRACTABLE: the key can be wrapped out of the token.</summary>
    Extractable = 0x162,

    /// <summary>CKA_LOCAL: the key was generated on the token.</summary>
    Local = 0x163,

    /// <summary>CKA_NEVER_EXTRACTABLE.</summary>
    NeverExtractable = 0x164,

    /// <summary>CKA_ALWAYS_SENSITIVE.</summary>
    AlwaysSensitive = 0x165,

    /// <summary>CKA_KEY_GEN_MECHANISM: the mechanism that generated the key (<see cref="MechanismType"/>).</summary>
    KeyGenMechanism = 0x166,

    /// <summary>CKA_MODIFIABLE.</summary>
    Modifiable = 0x170,

    /// <summary>CKA_COPYABLE.</summary>
    Copyable = 0x171,

    /// <summary>CKA_DESTROYABLE.</summary>
    Destroyable = 0x172,

    /// <summary>CKA_EC_PARAMS: DER of the curve (a named curve's OBJECT IDENTIFIER).</summary>
    EcParams = 0x180,

    /// <summary>CKA_EC_POINT: DER OCTET STRING of the public point.</summary>
    EcPoint = 0x181,

    /// <summary>CKA_ALWAYS_AUTHENTICATE: every use needs the PIN again.</summary>
    AlwaysAuthenticate = 0x202,

    /// <summary>CKA_WRAP_WITH_TRUSTED.</summary>
    WrapWithTrusted = 0x210,

    /// <summary>CKA_WRAP_TEMPLATE.</summary>
    WrapTemplate = 0x40000211,

    /// <summary>CKA_UNWRAP_TEMPLATE.</summary>
    UnwrapTemplate = 0x40000212,

    /// <summary>CKA_DERIVE_TEMPLATE.</summary>
    DeriveTemplate = 0x40000213,

    /// <summary>CKA_ALLOWED_MECHANISMS.</summary>
    AllowedMechanisms = 0x40000600,

    /// <summary>CKA_VENDOR_DEFINED: the first value a vendor may use.</summary>
    VendorDefined = 0x80000000,
}
