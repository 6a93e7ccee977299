namespace CardKit.Sim;

/// <summary>
/// CardKit did not try the PIN because a wrong one could block the card, or already is blocked.
/// Nothing was sent to the card. <see cref="Reason"/> says which; for <see cref="PinRefusal.LastAttempt"/>
/// and <see cref="PinRefusal.AttemptsUnknown"/> the caller may try again allowing the last attempt.
/// </summary>
public sealed class PinRefusedException : CardKitException
{
    /// <summary>The PIN was not tried for <paramref name="reason"/>; <paramref name="remainingAttempts"/> as the card reports it.</summary>
    public PinRefusedException(PinRefusal reason, int remainingAttempts)
        : base(ErrorCategory.CardOrData, MessageFor(reason, remainingAttempts))
    {
        Reason = reason;
        RemainingAttempts = remainingAttempts;
    }

    /// <summary>Why the PIN was not tried.</summary>
    public PinRefusal Reason { get; }

    /// <summary>Tries left before CHV1 blocks (0 when blocked, -1 when the card does not say).</summary>
    public int RemainingAttempts { get; }

    private static string MessageFor(PinRefusal reason, int remainingAttempts) => reason switch
    {
        PinRefusal.Blocked => "CHV1 (PIN) is blocked: unblock it with the PUK (UNBLOCK CHV).",
        PinRefusal.AttemptsUnknown => "The card does not say how many CHV1 attempts are left; a wrong PIN might block it. Not trying it.",
        _ => $"CHV1 has {remainingAttempts} attempt left; a wrong PIN now blocks the card. Not trying it.",
    };
}
