using System.Globalization;

namespace CardKit.Pkcs11;

/// <summary>A CK_SESSION_HANDLE: one session the application has with a token (base specification §2.6).</summary>
/// <param name="Value">The handle as the module gave it.</param>
public readonly record struct SessionHandle(nuint Value)
{
    /// <summary>The handle number.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
