using System.Text.Json.Serialization;

namespace CardKit.Pkcs11;

/// <summary>
/// A module and all its slots, with or without a token, as `p11 info` shows them. As JSON: module,
/// manufacturer, description, cryptokiVersion, slots[] (see <see cref="SlotSummary"/>).
/// </summary>
/// <param name="Module">The module's path.</param>
/// <param name="Manufacturer">The library manufacturer.</param>
/// <param name="Description">The library description.</param>
/// <param name="CryptokiVersion">The PKCS#11 version it implements.</param>
/// <param name="LibraryVersion">The library's own version (not in the JSON).</param>
/// <param name="Slots">Every slot, uninitialised tokens and empty slots included.</param>
public sealed record ModuleSummary(
    string Module,
    string Manufacturer,
    string Description,
    string CryptokiVersion,
    [property: JsonIgnore] string LibraryVersion,
    IReadOnlyList<SlotSummary> Slots)
{
    /// <summary>Reads C_GetInfo and every slot of <paramref name="module"/>.</summary>
    public static ModuleSummary Read(Pkcs11Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var info = module.GetInfo();
        return new ModuleSummary(module.Path, info.Manufacturer, info.Description, info.CryptokiVersion, info.LibraryVersion,
            [.. module.GetSlots(tokenPresent: false).Select(SlotSummary.Read)]);
    }
}
