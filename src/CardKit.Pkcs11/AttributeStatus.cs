namespace CardKit.Pkcs11;

/// <summary>Whether C_GetAttributeValue gave an attribute's value (PKCS#11 2.40 base specification §5.7).</summary>
public enum AttributeStatus
{
    /// <summary>The value was read (it may be empty).</summary>
    Present,

    /// <summary>CKR_ATTRIBUTE_SENSITIVE: the object has it but does not reveal it (sensitive or unextractable).</summary>
    Sensitive,

    /// <summary>CKR_ATTRIBUTE_TYPE_INVALID: the object has no such attribute.</summary>
    Absent,

    /// <summary>The module gave no value and no reason (CK_UNAVAILABLE_INFORMATION with another code).</summary>
    Unavailable,
}
