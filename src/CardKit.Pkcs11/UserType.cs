namespace CardKit.Pkcs11;

/// <summary>CK_USER_TYPE, who logs in (base specification §3.4).</summary>
public enum UserType : ulong
{
    /// <summary>CKU_SO: the security officer, who initialises the token and the user PIN.</summary>
    SecurityOfficer = 0,

    /// <summary>CKU_USER: the normal user, who uses the private objects.</summary>
    User = 1,

    /// <summary>CKU_CONTEXT_SPECIFIC: re-authentication for one operation (CKA_ALWAYS_AUTHENTICATE keys).</summary>
    ContextSpecific = 2,
}
