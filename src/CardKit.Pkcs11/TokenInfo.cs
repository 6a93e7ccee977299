namespace CardKit.Pkcs11;

/// <summary>Token information (C_GetTokenInfo, CK_TOKEN_INFO: base specification §3.2), strings trimmed, counters as numbers or null when unavailable.</summary>
/// <param name="Label">The token label.</param>
/// <param name="Manufacturer">manufacturerID.</param>
/// <param name="Model">The model.</param>
/// <param name="SerialNumber">The serial number.</param>
/// <param name="Flags">The token's state.</param>
/// <param name="MinPinLength">ulMinPinLen, null when CK_UNAVAILABLE_INFORMATION.</param>
/// <param name="MaxPinLength">ulMaxPinLen, null when CK_UNAVAILABLE_INFORMATION.</param>
public sealed record TokenInfo(string Label, string Manufacturer, string Model, string SerialNumber, TokenFlags Flags, ulong? MinPinLength, ulong? MaxPinLength)
{
    /// <summary>CKF_TOKEN_INITIALIZED.</summary>
    public bool Initialized => Flags.HasFlag(TokenFlags.TokenInitialized);

    /// <summary>CKF_LOGIN_REQUIRED.</summary>
    public bool LoginRequired => Flags.HasFlag(TokenFlags.LoginRequired);

    /// <summary>CKF_USER_PIN_COUNT_LOW.</summary>
    public bool PinCountLow => Flags.HasFlag(TokenFlags.UserPinCountLow);

    /// <summary>CKF_USER_PIN_FINAL_TRY.</summary>
    public bool PinFinalTry => Flags.HasFlag(TokenFlags.UserPinFinalTry);

    /// <summary>CKF_USER_PIN_LOCKED.</summary>
    public bool PinLocked => Flags.HasFlag(TokenFlags.UserPinLocked);

    /// <summary>What the token says about the tries left for <paramref name="user"/>'s PIN (the SO flags are the user flags shifted by 4 bits).</summary>
    public PinTries TriesLeft(UserType user)
    {
        var flags = (TokenFlags)((ulong)Flags >> (user == UserType.SecurityOfficer ? 4 : 0));
        return flags.HasFlag(TokenFlags.UserPinLocked) ? PinTries.Locked
            : flags.HasFlag(TokenFlags.UserPinFinalTry) ? PinTries.FinalTry
            : flags.HasFlag(TokenFlags.UserPinCountLow) ? PinTries.Few
            : PinTries.NotReported;
    }
}
