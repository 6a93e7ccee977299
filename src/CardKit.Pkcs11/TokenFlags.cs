namespace CardKit.Pkcs11;

/// <summary>CK_TOKEN_INFO flags (base specification §3.2): the token's state, its PIN counters included.</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Named after the CK_TOKEN_INFO flags field.")]
public enum TokenFlags : ulong
{
    /// <summary>No flag.</summary>
    None = 0x0,

    /// <summary>CKF_RNG: the token has a random number generator.</summary>
    Rng = 0x1,

    /// <summary>CKF_WRITE_PROTECTED.</summary>
    WriteProtected = 0x2,

    /// <summary>CKF_LOGIN_REQUIRED: some functions need a logged-in user.</summary>
    LoginRequired = 0x4,

    /// <summary>CKF_USER_PIN_INITIALIZED.</summary>
    UserPinInitialized = 0x8,

    /// <summary>CKF_RESTORE_KEY_NOT_NEEDED.</summary>
    RestoreKeyNotNeeded = 0x20,

    /// <summary>CKF_CLOCK_ON_TOKEN.</summary>
    ClockOnToken = 0x40,

    /// <summary>CKF_PROTECTED_AUTHENTICATION_PATH: the PIN is entered on a pad, not given by the application.</summary>
    ProtectedAuthenticationPath = 0x100,

    /// <summary>CKF_DUAL_CRYPTO_OPERATIONS.</summary>
    DualCryptoOperations = 0x200,

    /// <summary>CKF_TOKEN_INITIALIZED.</summary>
    TokenInitialized = 0x400,

    /// <summary>CKF_SECONDARY_AUTHENTICATION.</summary>
    SecondaryAuthentication = 0x800,

    /// <summary>CKF_USER_PIN_COUNT_LOW: a wrong user PIN was entered since the last successful login.</summary>
    UserPinCountLow = 0x10000,

    /// <summary>CKF_USER_PIN_FINAL_TRY: one more wrong user PIN locks it.</summary>
    UserPinFinalTry = 0x20000,

    /// <summary>CKF_USER_PIN_LOCKED.</summary>
    UserPinLocked = 0x40000,

    /// <summary>CKF_USER_PIN_TO_BE_CHANGED.</summary>
    UserPinToBeChanged = 0x80000,

    /// <summary>CKF_SO_PIN_COUNT_LOW.</summary>
    SoPinCountLow = 0x100000,

    /// <summary>CKF_SO_PIN_FINAL_TRY.</summary>
    SoPinFinalTry = 0x200000,

    /// <summary>CKF_SO_PIN_LOCKED.</summary>
    SoPinLocked = 0x400000,

    /// <summary>CKF_SO_PIN_TO_BE_CHANGED.</summary>
    SoPinToBeChanged = 0x800000,

    /// <summary>CKF_ERROR_STATE: the token failed a self-test.</summary>
    ErrorState = 0x1000000,
}
