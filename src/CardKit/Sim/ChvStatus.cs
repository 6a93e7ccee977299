using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// CHV1 / PIN1 state read without trying a PIN. JSON (<c>sim info</c>): <c>enabled</c> and
/// <c>remainingAttempts</c>.
/// </summary>
/// <param name="Enabled">False when CHV1 is disabled: the phone book needs no PIN.</param>
/// <param name="RemainingAttempts">Tries left before the PIN blocks; -1 when the card does not say.</param>
/// <param name="Verified">CHV1 has already been verified in this card session.</param>
public sealed record ChvStatus(bool Enabled, int RemainingAttempts, [property: JsonIgnore] bool Verified)
{
    /// <summary>No tries left: only the PUK (UNBLOCK CHV) opens the card again.</summary>
    [JsonIgnore]
    public bool Blocked => RemainingAttempts == 0;
}
