using System.Globalization;

namespace CardKit.Pcsc;

/// <summary>Names and explanations of SCARD_* codes.</summary>
public static class ScardErrors
{
    /// <summary>The symbolic name (SCARD_E_NO_SERVICE) or the hex code for unknown values.</summary>
    public static string Name(ScardError error) => error switch
    {
        ScardError.Success => "SCARD_S_SUCCESS",
        ScardError.InternalError => "SCARD_F_INTERNAL_ERROR",
        ScardError.Cancelled => "SCARD_E_CANCELLED",
        ScardError.InvalidHandle => "SCARD_E_INVALID_HANDLE",
        ScardError.InvalidParameter => "SCARD_E_INVALID_PARAMETER",
        ScardError.InvalidTarget => "SCARD_E_INVALID_TARGET",
        ScardError.NoMemory => "SCARD_E_NO_MEMORY",
        ScardError.WaitedTooLong => "SCARD_F_WAITED_TOO_LONG",
        ScardError.InsufficientBuffer => "SCARD_E_INSUFFICIENT_BUFFER",
        ScardError.UnknownReader => "SCARD_E_UNKNOWN_READER",
        ScardError.Timeout => "SCARD_E_TIMEOUT",
        ScardError.SharingViolation => "SCARD_E_SHARING_VIOLATION",
        ScardError.NoSmartcard => "SCARD_E_NO_SMARTCARD",
        ScardError.UnknownCard => "SCARD_E_UNKNOWN_CARD",
        ScardError.CantDispose => "SCARD_E_CANT_DISPOSE",
        ScardError.ProtoMismatch => "SCARD_E_PROTO_MISMATCH",
        ScardError.NotReady => "SCARD_E_NOT_READY",
        ScardError.InvalidValue => "SCARD_E_INVALID_VALUE",
        ScardError.SystemCancelled => "SCARD_E_SYSTEM_CANCELLED",
        ScardError.CommError => "SCARD_F_COMM_ERROR",
        ScardError.UnknownError => "SCARD_F_UNKNOWN_ERROR",
        ScardError.InvalidAtr => "SCARD_E_INVALID_ATR",
        ScardError.NotTransacted => "SCARD_E_NOT_TRANSACTED",
        ScardError.ReaderUnavailable => "SCARD_E_READER_UNAVAILABLE",
        ScardError.Shutdown => "SCARD_P_SHUTDOWN",
        ScardError.PciTooSmall => "SCARD_E_PCI_TOO_SMALL",
        ScardError.ReaderUnsupported => "SCARD_E_READER_UNSUPPORTED",
        ScardError.DuplicateReader => "SCARD_E_DUPLICATE_READER",
        ScardError.CardUnsupported => "SCARD_E_CARD_UNSUPPORTED",
        ScardError.NoService => "SCARD_E_NO_SERVICE",
        ScardError.ServiceStopped => "SCARD_E_SERVICE_STOPPED",
        ScardError.Unexpected => "SCARD_E_UNEXPECTED",
        ScardError.UnsupportedFeature => "SCARD_E_UNSUPPORTED_FEATURE",
        ScardError.NoReadersAvailable => "SCARD_E_NO_READERS_AVAILABLE",
        ScardError.CommDataLost => "SCARD_E_COMM_DATA_LOST",
        ScardError.ServerTooBusy => "SCARD_E_SERVER_TOO_BUSY",
        ScardError.UnsupportedCardWarning => "SCARD_W_UNSUPPORTED_CARD",
        ScardError.UnresponsiveCard => "SCARD_W_UNRESPONSIVE_CARD",
        ScardError.UnpoweredCard => "SCARD_W_UNPOWERED_CARD",
        ScardError.ResetCard => "SCARD_W_RESET_CARD",
        ScardError.RemovedCard => "SCARD_W_REMOVED_CARD",
        ScardError.SecurityViolation => "SCARD_W_SECURITY_VIOLATION",
        ScardError.WrongChv => "SCARD_W_WRONG_CHV",
        ScardError.ChvBlocked => "SCARD_W_CHV_BLOCKED",
        ScardError.Eof => "SCARD_W_EOF",
        ScardError.CancelledByUser => "SCARD_W_CANCELLED_BY_USER",
        ScardError.CardNotAuthenticated => "SCARD_W_CARD_NOT_AUTHENTICATED",
        _ => "0x" + ((uint)error).ToString("X8", CultureInfo.InvariantCulture),
    };

    /// <summary>What happened, why it probably happened and what to do.</summary>
    public static string Explain(ScardError error, string operation, string? readerName = null)
    {
        var reader = readerName is null ? "" : $" (reader '{readerName}')";
        var what = $"{operation} failed{reader}: {Name(error)}";
        var advice = error switch
        {
            ScardError.NoService =>
                "the PC/SC service is not running. Start it (Debian: `apt-get install pcscd` then `pcscd` or " +
                "`systemctl start pcscd.socket`).",
            ScardError.ServiceStopped =>
                "pcscd answered with another protocol version, or went away. Usually two pcsc-lite copies are mixed " +
                "(libpcsclite from /usr/local vs /usr, or a Flatpak/Snap runtime talking to the host pcscd): make the " +
                "client library and pcscd come from the same install, then restart pcscd. If pcscd was just restarted, retry.",
            ScardError.SharingViolation =>
                "another program holds the reader or card exclusively. GnuPG's scdaemon does this with CCID readers " +
                "(`gpgconf --kill scdaemon`, or `disable-ccid` / `pcsc-shared` in ~/.gnupg/scdaemon.conf); also check " +
                "OpenSC-based tools, browsers and other smart-card programs.",
            ScardError.NoSmartcard or ScardError.RemovedCard =>
                "there is no card in the reader (or it was removed). Insert the card.",
            ScardError.ResetCard =>
                "another program reset the card; its state (selected files, verified PINs) is lost. Reconnect and repeat.",
            ScardError.UnpoweredCard => "the card is not powered; reconnect or reset it.",
            ScardError.UnresponsiveCard or ScardError.InvalidAtr =>
                "the card does not answer to reset; reinsert it, clean the contacts, or try another reader.",
            ScardError.UnknownReader or ScardError.ReaderUnavailable =>
                "the reader is unknown or was unplugged; list the readers again.",
            ScardError.NoReadersAvailable =>
                "pcscd runs but has no reader. Plug a reader in, or install the vpcd driver (`apt-get install vsmartcard-vpcd`) and restart pcscd.",
            ScardError.ProtoMismatch =>
                "the card does not support the requested protocol (T=0/T=1); connect with protocol Any.",
            ScardError.Timeout => "the operation timed out.",
            ScardError.Cancelled => "the wait was cancelled.",
            ScardError.InsufficientBuffer => "the response did not fit the buffer given.",
            ScardError.CommError or ScardError.CommDataLost =>
                "communication with pcscd or the reader broke; pcscd may have been restarted. Retry with a new context.",
            ScardError.NotTransacted =>
                "the exchange did not complete: the card was probably removed or went mute mid-command (vpcd reports this when a virtual card disconnects), " +
                "or the reader rejected the command length or control code.",
            ScardError.InvalidHandle => "the context or card handle is no longer valid (pcscd restarted or the card was disconnected).",
            _ => "see the PC/SC specification for this code.",
        };
        return $"{what}: {advice}";
    }
}
