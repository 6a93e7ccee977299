namespace CardKit.Pkcs11;

/// <summary>PKCS#11 2.40 constants CardKit uses (base specification §3, current mechanisms §2).</summary>
public static class Ck
{
    // Object classes (CKO_*).
    public const ulong ObjectData = 0, ObjectCertificate = 1, ObjectPublicKey = 2, ObjectPrivateKey = 3, ObjectSecretKey = 4;

    // Key types (CKK_*).
    public const ulong KeyRsa = 0, KeyEc = 3, KeyAes = 0x1F;

    // Attributes (CKA_*).
    public const ulong AttrClass = 0x000, AttrToken = 0x001, AttrPrivate = 0x002, AttrLabel = 0x003, AttrValue = 0x011,
        AttrKeyType = 0x100, AttrId = 0x102, AttrSensitive = 0x103, AttrEncrypt = 0x104, AttrDecrypt = 0x105,
        AttrSign = 0x108, AttrVerify = 0x10A, AttrModulus = 0x120, AttrModulusBits = 0x121, AttrPublicExponent = 0x122,
        AttrExtractable = 0x162, AttrEcParams = 0x180, AttrEcPoint = 0x181,
        AttrCertificateType = 0x080, AttrIssuer = 0x081, AttrSubject = 0x101,
        AttrPrivateExponent = 0x123, AttrPrime1 = 0x124, AttrPrime2 = 0x125, AttrExponent1 = 0x126, AttrExponent2 = 0x127, AttrCoefficient = 0x128,
        AttrWrap = 0x106, AttrUnwrap = 0x107, AttrDerive = 0x10C, AttrValueLength = 0x161;

    // More key types (CKK_*).
    public const ulong KeyGenericSecret = 0x10, KeyEcEdwards = 0x40;

    // Certificate types (CKC_*).
    public const ulong CertificateX509 = 0;

    // Mechanisms (CKM_*).
    public const ulong MechRsaKeyPairGen = 0x0000, MechRsaPkcs = 0x0001, MechRsaPkcsPss = 0x000D,
        MechSha256RsaPkcs = 0x0040, MechSha384RsaPkcs = 0x0041, MechSha512RsaPkcs = 0x0042,
        MechSha256RsaPkcsPss = 0x0043, MechSha384RsaPkcsPss = 0x0044, MechSha512RsaPkcsPss = 0x0045,
        MechSha1 = 0x0220, MechSha256 = 0x0250, MechSha384 = 0x0260, MechSha512 = 0x0270,
        MechEcKeyPairGen = 0x1040, MechEcdsa = 0x1041, MechEcdsaSha256 = 0x1044, MechEcdh1Derive = 0x1050,
        MechEdwardsKeyPairGen = 0x1055, MechEddsa = 0x1057,
        MechRsaPkcsOaep = 0x0009, MechAesKeyGen = 0x1080, MechAesCbcPad = 0x1085, MechAesGcm = 0x1087, MechAesKeyWrap = 0x2109,
        MechGenericSecretKeyGen = 0x0350,
        MechSha3Digest256 = 0x02B0, MechSha3Digest256RsaPkcs = 0x0060, MechSha3Digest256RsaPkcsPss = 0x0063;

    // MGF1 (CKG_*).
    public const ulong MgfSha1 = 0x1, MgfSha256 = 0x2, MgfSha384 = 0x3, MgfSha512 = 0x4, MgfSha3Digest256 = 0x7;

    // Flags.
    public const ulong SlotTokenPresent = 0x1;
    public const ulong TokenLoginRequired = 0x4, TokenUserPinInitialized = 0x8, TokenInitialized = 0x400,
        TokenUserPinCountLow = 0x10000, TokenUserPinFinalTry = 0x20000, TokenUserPinLocked = 0x40000;
    public const ulong SessionRw = 0x2, SessionSerial = 0x4;
    public const ulong InitOsLockingOk = 0x2;

    // User types (CKU_*).
    public const ulong UserSo = 0, User = 1;
}
