using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// One attribute as C_GetAttributeValue read it from an object: its type, whether it had a value
/// (<see cref="Status"/>), and the value decoded on request as the type the specification gives it
/// (base specification §4: CK_BBOOL, CK_ULONG, UTF-8 strings, byte arrays, CK_DATE). Asking for the
/// value of an attribute that is not <see cref="AttributeStatus.Present"/> throws
/// <see cref="Pkcs11AttributeException"/>; a value of the wrong size for the type throws
/// <see cref="CardKitFormatException"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "PKCS#11 calls it an object attribute; it is no .NET attribute.")]
public sealed class ObjectAttribute
{
    private readonly byte[] _value;

    internal ObjectAttribute(AttributeType type, AttributeStatus status, byte[] value)
    {
        Type = type;
        Status = status;
        _value = value;
    }

    /// <summary>The attribute type.</summary>
    public AttributeType Type { get; }

    /// <summary>Whether the token gave a value, and why not.</summary>
    public AttributeStatus Status { get; }

    /// <summary>True when the token gave a value.</summary>
    public bool IsPresent => Status == AttributeStatus.Present;

    /// <summary>The raw value (a copy).</summary>
    public byte[] AsBytes() => (byte[])Value().Clone();

    /// <summary>The raw value without copying it.</summary>
    public ReadOnlySpan<byte> AsSpan() => Value();

    /// <summary>A CK_BBOOL (one byte, non-zero is true; base specification §3.1).</summary>
    public bool AsBool()
    {
        var value = Value();
        return value.Length == 1 ? value[0] != 0 : throw WrongSize("a CK_BBOOL");
    }

    /// <summary>A CK_ULONG, at the module's width: 8 bytes on LP64 Unix, 4 on Windows; little-endian as the module wrote it.</summary>
    public ulong AsUlong()
    {
        var value = Value();
        return value.Length switch
        {
            8 => BinaryPrimitives.ReadUInt64LittleEndian(value),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(value),
            _ => throw WrongSize("a CK_ULONG"),
        };
    }

    /// <summary>A UTF-8 string (CKA_LABEL, CKA_APPLICATION).</summary>
    public string AsString() => Encoding.UTF8.GetString(Value());

    /// <summary>A CK_DATE ("YYYYMMDD" in ASCII digits, base specification §3.1); null when empty (no date set).</summary>
    public DateOnly? AsDate()
    {
        var value = Value();
        if (value.Length == 0)
            return null;
        if (value.Length == 8
            && DateOnly.TryParseExact(Encoding.ASCII.GetString(value), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new CardKitFormatException($"{Pkcs11Names.Of(Type)} is not a CK_DATE (YYYYMMDD): {Hex.Format(value)}");
    }

    /// <summary>CKA_CLASS as an <see cref="ObjectClass"/>.</summary>
    public ObjectClass AsObjectClass() => (ObjectClass)AsUlong();

    /// <summary>CKA_KEY_TYPE as a <see cref="KeyType"/>.</summary>
    public KeyType AsKeyType() => (KeyType)AsUlong();

    /// <summary>CKA_CERTIFICATE_TYPE as a <see cref="CertificateType"/>.</summary>
    public CertificateType AsCertificateType() => (CertificateType)AsUlong();

    /// <summary>CKA_KEY_GEN_MECHANISM as a <see cref="MechanismType"/>.</summary>
    public MechanismType AsMechanismType() => (MechanismType)AsUlong();

    /// <summary>"CKA_LABEL = 6D 79" or "CKA_VALUE: Sensitive".</summary>
    public override string ToString() => IsPresent ? $"{Pkcs11Names.Of(Type)} = {Hex.Format(_value)}" : $"{Pkcs11Names.Of(Type)}: {Status}";

    private byte[] Value() => IsPresent ? _value : throw new Pkcs11AttributeException(Type, Status);

    private CardKitFormatException WrongSize(string what) => new($"{Pkcs11Names.Of(Type)} is {_value.Length} bytes, not {what}");
}
