using System.Globalization;

namespace CardKit.Pkcs11;

/// <summary>An object as `p11 objects` lists it. As JSON: type, label, id, keyType.</summary>
/// <param name="Type">The class as RFC 7512 spells it in type= ("private", "cert", ...; "data" for a class it does not name), or "?" when unreadable.</param>
/// <param name="Label">CKA_LABEL, or "" without one.</param>
/// <param name="Id">CKA_ID in hex, or "" without one.</param>
/// <param name="KeyType">"RSA", "EC", "EdDSA", "AES", another key type in hex, or "" for an object that is not a key.</param>
public sealed record ObjectSummary(string Type, string Label, string Id, string KeyType)
{
    /// <summary>Reads CKA_CLASS, CKA_LABEL, CKA_ID and CKA_KEY_TYPE of <paramref name="handle"/>.</summary>
    public static ObjectSummary Read(Pkcs11Session session, ObjectHandle handle)
    {
        ArgumentNullException.ThrowIfNull(session);
        var a = session.GetAttributes(handle, AttributeType.Class, AttributeType.Label, AttributeType.Id, AttributeType.KeyType);
        var type = a[AttributeType.Class] is { IsPresent: true } c ? Pkcs11Uri.TypeName(c.AsObjectClass()) ?? "data" : "?";
        var keyType = a[AttributeType.KeyType] is { IsPresent: true } k ? k.AsKeyType() switch
        {
            Pkcs11.KeyType.Rsa => "RSA",
            Pkcs11.KeyType.Ec => "EC",
            Pkcs11.KeyType.EcEdwards => "EdDSA",
            Pkcs11.KeyType.Aes => "AES",
            var other => string.Create(CultureInfo.InvariantCulture, $"0x{(ulong)other:X}"),
        } : "";
        return new ObjectSummary(type,
            a[AttributeType.Label] is { IsPresent: true } l ? l.AsString() : "",
            a[AttributeType.Id] is { IsPresent: true } id ? Hex.Format(id.AsSpan(), '\0') : "",
            keyType);
    }
}
