namespace CardKit.Sim;

/// <summary>Why CardKit did not present a PIN to the card.</summary>
public enum PinRefusal
{
    /// <summary>One try is left: a wrong PIN now would block CHV1. The caller may insist.</summary>
    LastAttempt,

    /// <summary>The card does not say how many tries are left, so the next one might be the last. The caller may insist.</summary>
    AttemptsUnknown,

    /// <summary>CHV1 is blocked: only the PUK (UNBLOCK CHV) opens the card again.</summary>
    Blocked,
}
