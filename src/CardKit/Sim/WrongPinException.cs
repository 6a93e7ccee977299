using CardKit.Iso7816;

namespace CardKit.Sim;

/// <summary>
/// The card rejected the PIN (GSM 11.11 98 04 / 98 40, TS 102 221 63 Cx / 69 83). CardKit never
/// retries; <see cref="RemainingAttempts"/> says how many tries are left (0: CHV1 is now blocked).
/// </summary>
public sealed class WrongPinException : CardStatusException
{
    /// <summary>The card answered <paramref name="statusWord"/>; <paramref name="remainingAttempts"/> tries are left.</summary>
    public WrongPinException(int remainingAttempts, StatusWord statusWord)
        : base(remainingAttempts == 0
            ? "wrong PIN: CHV1 is now blocked; unblock it with the PUK."
            : $"wrong PIN: {remainingAttempts} attempt(s) left. Not retrying.", statusWord)
    {
        RemainingAttempts = remainingAttempts;
    }

    /// <summary>Tries left before CHV1 blocks; 0 when it is now blocked, -1 when the card does not say.</summary>
    public int RemainingAttempts { get; }
}
