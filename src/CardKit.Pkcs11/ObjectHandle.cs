using System.Globalization;

namespace CardKit.Pkcs11;

/// <summary>
/// A CK_OBJECT_HANDLE: how a session names an object on its token (PKCS#11 2.40 base specification
/// §2.4). Valid in every session of the application while the object exists.
/// </summary>
/// <param name="Value">The handle as the module gave it.</param>
public readonly record struct ObjectHandle(nuint Value)
{
    /// <summary>The handle number.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
