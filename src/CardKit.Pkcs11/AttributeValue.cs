using System.Text;

namespace CardKit.Pkcs11;

/// <summary>An attribute type with its value as the module sees it (CK_ULONG, CK_BBOOL, bytes, UTF-8 string).</summary>
public sealed record AttributeValue(ulong Type, byte[] Value)
{
    public static AttributeValue Number(ulong type, ulong value)
    {
        var bytes = new byte[IntPtr.Size];
        if (IntPtr.Size == 8)
            BitConverter.TryWriteBytes(bytes, value);
        else
            BitConverter.TryWriteBytes(bytes, (uint)value);
        return new AttributeValue(type, bytes);
    }

    /// <summary>CK_BBOOL is one byte (PKCS#11 2.40 §3.1).</summary>
    public static AttributeValue Bool(ulong type, bool value) => new(type, [value ? (byte)1 : (byte)0]);

    public static AttributeValue Text(ulong type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    public static AttributeValue Bytes(ulong type, byte[] value) => new(type, value);

    internal byte[] Encode() => Value;

    public ulong AsNumber() => Value.Length switch
    {
        8 => BitConverter.ToUInt64(Value),
        4 => BitConverter.ToUInt32(Value),
        _ => throw new Pkcs11Exception($"attribute 0x{Type:X} is {Value.Length} bytes, not a CK_ULONG"),
    };

    public bool AsBool() => Value.Length == 1 && Value[0] != 0;

    public string AsText() => Encoding.UTF8.GetString(Value);
}
