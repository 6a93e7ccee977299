namespace CardKit.Pkcs11;

/// <summary>An attribute's value was asked for but the token did not give it (<see cref="Status"/> says why).</summary>
public sealed class Pkcs11AttributeException : Pkcs11Exception
{
    /// <summary><paramref name="attribute"/> has no value to read, for <paramref name="status"/>.</summary>
    public Pkcs11AttributeException(AttributeType attribute, AttributeStatus status)
        : base(ErrorCategory.CardOrData, $"{Pkcs11Names.Of(attribute)} cannot be read: {status switch
        {
            AttributeStatus.Sensitive => "the attribute is sensitive and cannot be read",
            AttributeStatus.Absent => "the object has no such attribute",
            _ => "the module gives no value",
        }}", null)
    {
        Attribute = attribute;
        Status = status;
    }

    /// <summary>The attribute.</summary>
    public AttributeType Attribute { get; }

    /// <summary>Why there is no value.</summary>
    public AttributeStatus Status { get; }
}
