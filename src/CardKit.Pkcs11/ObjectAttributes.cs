using System.Collections;

namespace CardKit.Pkcs11;

/// <summary>The attributes one C_GetAttributeValue read, in the order asked, also found by type.</summary>
public sealed class ObjectAttributes : IReadOnlyList<ObjectAttribute>
{
    private readonly ObjectAttribute[] _attributes;

    internal ObjectAttributes(ObjectAttribute[] attributes)
    {
        _attributes = attributes;
    }

    /// <summary>The number of attributes read.</summary>
    public int Count => _attributes.Length;

    /// <summary>The attribute at <paramref name="index"/> in the order asked.</summary>
    public ObjectAttribute this[int index] => _attributes[index];

    /// <summary>The attribute of <paramref name="type"/>.</summary>
    /// <exception cref="KeyNotFoundException">It was not asked for.</exception>
    public ObjectAttribute this[AttributeType type] =>
        Array.Find(_attributes, a => a.Type == type) ?? throw new KeyNotFoundException($"{Pkcs11Names.Of(type)} was not read");

    /// <inheritdoc/>
    public IEnumerator<ObjectAttribute> GetEnumerator() => ((IEnumerable<ObjectAttribute>)_attributes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
