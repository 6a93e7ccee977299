using System.Globalization;

namespace CardKit.Pkcs11;

/// <summary>A CK_SLOT_ID: a slot of a module, numbered by the module (base specification §3.2).</summary>
/// <param name="Value">The slot number.</param>
public readonly record struct SlotId(nuint Value)
{
    /// <summary>The slot number.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
