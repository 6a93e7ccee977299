namespace CardKit.Sim;

/// <summary>What a PIN operation did.</summary>
public enum PinOutcome
{
    /// <summary>The card accepted the PIN.</summary>
    Verified,

    /// <summary>The card took the new PIN.</summary>
    Changed,

    /// <summary>CHV1 was already verified; nothing was asked or sent.</summary>
    AlreadyVerified,

    /// <summary>CHV1 is disabled, so no PIN is needed; nothing was asked or sent.</summary>
    NotNeeded,
}
