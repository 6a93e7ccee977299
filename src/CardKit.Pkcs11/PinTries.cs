namespace CardKit.Pkcs11;

/// <summary>What a token says about the tries left after a wrong PIN (the CK_TOKEN_INFO PIN flags, base specification §3.2).</summary>
public enum PinTries
{
    /// <summary>The token does not say (none of the counter flags is set).</summary>
    NotReported,

    /// <summary>CKF_*_PIN_COUNT_LOW: a wrong PIN was given since the last good one.</summary>
    Few,

    /// <summary>CKF_*_PIN_FINAL_TRY: one more wrong PIN locks it.</summary>
    FinalTry,

    /// <summary>CKF_*_PIN_LOCKED: no tries left.</summary>
    Locked,
}
