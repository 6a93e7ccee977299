using System.Text.Json.Serialization;

namespace CardKit.Pkcs11;

/// <summary>A slot and its token as `p11 info` and `p11 slots` show them. As JSON: id, description, token, initialized, serial.</summary>
/// <param name="Id">The slot number.</param>
/// <param name="Description">The slot description.</param>
/// <param name="Token">The token label ("" without a token).</param>
/// <param name="Initialized">CKF_TOKEN_INITIALIZED.</param>
/// <param name="Serial">The token serial number.</param>
/// <param name="Model">The token model (not in the JSON).</param>
/// <param name="PinLocked">CKF_USER_PIN_LOCKED (not in the JSON).</param>
public sealed record SlotSummary(
    ulong Id,
    string Description,
    string Token,
    bool Initialized,
    string Serial,
    [property: JsonIgnore] string Model,
    [property: JsonIgnore] bool PinLocked)
{
    /// <summary>Reads the slot's description and its token's information.</summary>
    public static SlotSummary Read(Pkcs11Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var token = slot.GetTokenInfo();
        return new SlotSummary(slot.Id.Value, slot.Description, token.Label, token.Initialized, token.SerialNumber, token.Model, token.PinLocked);
    }
}
