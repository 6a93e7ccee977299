namespace CardKit.Pcsc;

/// <summary>PC/SC return codes (PC/SC part 5 §3.1, pcsc-lite pcsclite.h, winerror.h).</summary>
#pragma warning disable CA1028, CA1008 // the values are the wire codes
public enum ScardError : uint
#pragma warning restore CA1028, CA1008
{
    /// <summary>No error (SCARD_S_SUCCESS).</summary>
    Success = 0,
    /// <summary>An internal consistency check failed (SCARD_F_INTERNAL_ERROR).</summary>
    InternalError = 0x80100001,
    /// <summary>The action was cancelled by SCardCancel (SCARD_E_CANCELLED).</summary>
    Cancelled = 0x80100002,
    /// <summary>The context or card handle is not valid (SCARD_E_INVALID_HANDLE).</summary>
    InvalidHandle = 0x80100003,
    /// <summary>A parameter cannot be interpreted (SCARD_E_INVALID_PARAMETER).</summary>
    InvalidParameter = 0x80100004,
    /// <summary>Registry start-up information is missing or invalid (SCARD_E_INVALID_TARGET).</summary>
    InvalidTarget = 0x80100005,
    /// <summary>Not enough memory to complete the command (SCARD_E_NO_MEMORY).</summary>
    NoMemory = 0x80100006,
    /// <summary>An internal timer expired (SCARD_F_WAITED_TOO_LONG).</summary>
    WaitedTooLong = 0x80100007,
    /// <summary>The receive buffer is too small for the data (SCARD_E_INSUFFICIENT_BUFFER).</summary>
    InsufficientBuffer = 0x80100008,
    /// <summary>The reader name is not known (SCARD_E_UNKNOWN_READER).</summary>
    UnknownReader = 0x80100009,
    /// <summary>The given timeout expired (SCARD_E_TIMEOUT).</summary>
    Timeout = 0x8010000A,
    /// <summary>Another connection holds the card in a mode that excludes this one (SCARD_E_SHARING_VIOLATION).</summary>
    SharingViolation = 0x8010000B,
    /// <summary>The operation needs a card and the reader has none (SCARD_E_NO_SMARTCARD).</summary>
    NoSmartcard = 0x8010000C,
    /// <summary>The card name is not known (SCARD_E_UNKNOWN_CARD).</summary>
    UnknownCard = 0x8010000D,
    /// <summary>The reader cannot dispose of the card as asked (SCARD_E_CANT_DISPOSE).</summary>
    CantDispose = 0x8010000E,
    /// <summary>The card supports none of the requested protocols (SCARD_E_PROTO_MISMATCH).</summary>
    ProtoMismatch = 0x8010000F,
    /// <summary>The reader or card is not ready to accept commands (SCARD_E_NOT_READY).</summary>
    NotReady = 0x80100010,
    /// <summary>A parameter value cannot be interpreted (SCARD_E_INVALID_VALUE).</summary>
    InvalidValue = 0x80100011,
    /// <summary>The system cancelled the action, e.g. at log-off or shutdown (SCARD_E_SYSTEM_CANCELLED).</summary>
    SystemCancelled = 0x80100012,
    /// <summary>An internal communication error was detected (SCARD_F_COMM_ERROR).</summary>
    CommError = 0x80100013,
    /// <summary>An internal error of unknown origin (SCARD_F_UNKNOWN_ERROR).</summary>
    UnknownError = 0x80100014,
    /// <summary>The ATR from the registry is not valid (SCARD_E_INVALID_ATR).</summary>
    InvalidAtr = 0x80100015,
    /// <summary>The operation needs a transaction and none is open (SCARD_E_NOT_TRANSACTED).</summary>
    NotTransacted = 0x80100016,
    /// <summary>The reader is not currently available (SCARD_E_READER_UNAVAILABLE).</summary>
    ReaderUnavailable = 0x80100017,
    /// <summary>The operation was aborted so the server could shut down (SCARD_P_SHUTDOWN).</summary>
    Shutdown = 0x80100018,
    /// <summary>The PCI receive buffer is too small (SCARD_E_PCI_TOO_SMALL).</summary>
    PciTooSmall = 0x80100019,
    /// <summary>The reader driver does not meet minimal requirements (SCARD_E_READER_UNSUPPORTED).</summary>
    ReaderUnsupported = 0x8010001A,
    /// <summary>The reader driver did not produce a unique name (SCARD_E_DUPLICATE_READER).</summary>
    DuplicateReader = 0x8010001B,
    /// <summary>The card does not meet minimal requirements (SCARD_E_CARD_UNSUPPORTED).</summary>
    CardUnsupported = 0x8010001C,
    /// <summary>The resource manager (pcscd, the Smart Card service) is not running (SCARD_E_NO_SERVICE).</summary>
    NoService = 0x8010001D,
    /// <summary>The resource manager has shut down, or client and server speak different protocol versions (SCARD_E_SERVICE_STOPPED).</summary>
    ServiceStopped = 0x8010001E,
    /// <summary>An unexpected card error occurred (SCARD_E_UNEXPECTED).</summary>
    Unexpected = 0x8010001F,
    /// <summary>The reader or driver does not support this function (SCARD_E_UNSUPPORTED_FEATURE).</summary>
    UnsupportedFeature = 0x80100022,
    /// <summary>No reader is connected (SCARD_E_NO_READERS_AVAILABLE).</summary>
    NoReadersAvailable = 0x8010002E,
    /// <summary>Communication with the card lost data (SCARD_E_COMM_DATA_LOST).</summary>
    CommDataLost = 0x8010002F,
    /// <summary>The server is too busy to complete the operation (SCARD_E_SERVER_TOO_BUSY).</summary>
    ServerTooBusy = 0x80100031,
    /// <summary>The reader cannot talk to the card: its ATR is in conflict (SCARD_W_UNSUPPORTED_CARD).</summary>
    UnsupportedCardWarning = 0x80100065,
    /// <summary>The card does not respond to a reset (SCARD_W_UNRESPONSIVE_CARD).</summary>
    UnresponsiveCard = 0x80100066,
    /// <summary>Power has been removed from the card (SCARD_W_UNPOWERED_CARD).</summary>
    UnpoweredCard = 0x80100067,
    /// <summary>The card was reset, so shared state is invalid; reconnect (SCARD_W_RESET_CARD).</summary>
    ResetCard = 0x80100068,
    /// <summary>The card was removed (SCARD_W_REMOVED_CARD).</summary>
    RemovedCard = 0x80100069,
    /// <summary>Access was denied by a security violation (SCARD_W_SECURITY_VIOLATION).</summary>
    SecurityViolation = 0x8010006A,
    /// <summary>The card could not be accessed: wrong PIN (SCARD_W_WRONG_CHV).</summary>
    WrongChv = 0x8010006B,
    /// <summary>The card could not be accessed: PIN tries exhausted (SCARD_W_CHV_BLOCKED).</summary>
    ChvBlocked = 0x8010006C,
    /// <summary>The end of the card file was reached (SCARD_W_EOF).</summary>
    Eof = 0x8010006D,
    /// <summary>The user pressed Cancel (SCARD_W_CANCELLED_BY_USER).</summary>
    CancelledByUser = 0x8010006E,
    /// <summary>No PIN was presented to the card (SCARD_W_CARD_NOT_AUTHENTICATED).</summary>
    CardNotAuthenticated = 0x8010006F,
}
