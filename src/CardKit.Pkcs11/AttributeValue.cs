using System.Text;

namespace CardKit.Pkcs11;

/// <summary>An attribute type with its value (CK_ULONG, CK_BBOOL, bytes, UTF-8 string).</summary>
public sealed record AttributeValue(ulong Type, byte[] Value)
{
    private ulong? _number;

    /// <summary>A CK_ULONG value: <see cref="Value"/> holds 8 bytes; the module gets it at its own CK_ULONG width.</summary>
    public static AttributeValue Number(ulong type, ulong value) => new(type, BitConverter.GetBytes(value)) { _number = value };

    /// <summary>CK_BBOOL is one byte (PKCS#11 2.40 §3.1).</summary>
    public static AttributeValue Bool(ulong type, bool value) => new(type, [value ? (byte)1 : (byte)0]);

    public static AttributeValue Text(ulong type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    public static AttributeValue Bytes(ulong type, byte[] value) => new(type, value);

    internal byte[] Encode(Native.CkAbi abi) => _number is { } number ? abi.EncodeUlong(number) : Value;

    public ulong AsNumber() => Value.Length switch
    {
        8 => BitConverter.ToUInt64(Value),
        4 => BitConverter.ToUInt32(Value),
        _ => throw new Pkcs11Exception($"attribute 0x{Type:X} is {Value.Length} bytes, not a CK_ULONG"),
    };

    public bool AsBool() => Value.Length == 1 && Value[0] != 0;

    public string AsText() => Encoding.UTF8.GetString(Value);
}
