namespace CardKit.Pkcs11;

/// <summary>Objects on the token already have the CKA_ID a new key was to get.</summary>
public sealed class ObjectIdInUseException : CardKitException
{
    /// <summary><paramref name="count"/> objects already have <paramref name="id"/>.</summary>
    public ObjectIdInUseException(byte[] id, int count)
        : base(ErrorCategory.CardOrData, $"the token already has {count} object(s) with id {Hex.Format(id, '\0')}")
    {
        Id = id;
        Count = count;
    }

    /// <summary>The CKA_ID in use.</summary>
    public IReadOnlyList<byte> Id { get; }

    /// <summary>How many objects have it.</summary>
    public int Count { get; }
}
