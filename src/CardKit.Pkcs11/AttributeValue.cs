using System.Globalization;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// An attribute with the value to give a module: one entry of a template for C_CreateObject,
/// C_FindObjectsInit, key generation, C_SetAttributeValue (base specification §4). Values read back
/// from an object are <see cref="ObjectAttribute"/>s.
/// </summary>
/// <param name="Type">The attribute type.</param>
/// <param name="Value">The value's bytes; a CK_ULONG made by <see cref="Number"/> is written at the module's width.</param>
public sealed record AttributeValue(AttributeType Type, byte[] Value)
{
    private ulong? _number;

    /// <summary>A CK_ULONG value: <see cref="Value"/> holds 8 bytes; the module gets it at its own CK_ULONG width.</summary>
    public static AttributeValue Number(AttributeType type, ulong value) => new(type, BitConverter.GetBytes(value)) { _number = value };

    /// <summary>CK_BBOOL is one byte (PKCS#11 2.40 §3.1).</summary>
    public static AttributeValue Bool(AttributeType type, bool value) => new(type, [value ? (byte)1 : (byte)0]);

    /// <summary>A UTF-8 string (CKA_LABEL).</summary>
    public static AttributeValue Text(AttributeType type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    /// <summary>Bytes as they are (CKA_ID, CKA_VALUE, DER).</summary>
    public static AttributeValue Bytes(AttributeType type, byte[] value) => new(type, value);

    /// <summary>A CK_DATE: "YYYYMMDD" in ASCII (base specification §3.1).</summary>
    public static AttributeValue Date(AttributeType type, DateOnly value) =>
        new(type, Encoding.ASCII.GetBytes(value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));

    /// <summary>CKA_CLASS = <paramref name="objectClass"/>.</summary>
    public static AttributeValue Of(ObjectClass objectClass) => Number(AttributeType.Class, (ulong)objectClass);

    /// <summary>CKA_KEY_TYPE = <paramref name="keyType"/>.</summary>
    public static AttributeValue Of(KeyType keyType) => Number(AttributeType.KeyType, (ulong)keyType);

    /// <summary>CKA_CERTIFICATE_TYPE = <paramref name="certificateType"/>.</summary>
    public static AttributeValue Of(CertificateType certificateType) => Number(AttributeType.CertificateType, (ulong)certificateType);

    internal byte[] Encode(Native.CkAbi abi) => _number is { } number ? abi.EncodeUlong(number) : Value;
}
