namespace CardKit.Pcsc;

/// <summary>
/// A PC/SC call failed. <see cref="Error"/> is the SCARD_* code; the message says what happened,
/// why it probably happened and what to do. Subclasses group the codes a caller handles
/// differently: the service is gone, the reader is busy, the card changed under us.
/// </summary>
public class PcscException : CardChannelException
{
    /// <summary>A failed PC/SC call that concerns the card.</summary>
    public PcscException(ScardError error, string operation, string message, string? readerName = null)
        : this(ErrorCategory.CardOrData, error, operation, message, readerName)
    {
    }

    /// <summary>A failed PC/SC call of <paramref name="category"/>.</summary>
    protected PcscException(ErrorCategory category, ScardError error, string operation, string message, string? readerName)
        : base(category, message, readerName, null)
    {
        Error = error;
        Operation = operation;
    }

    /// <summary>The SCARD_* code.</summary>
    public ScardError Error { get; }

    /// <summary>The PC/SC function that failed (SCardConnect, SCardTransmit, ...).</summary>
    public string Operation { get; }

    /// <summary>The symbolic name, e.g. SCARD_E_NO_SERVICE.</summary>
    public string ErrorName => ScardErrors.Name(Error);

    /// <summary>Builds the exception type that fits <paramref name="error"/>.</summary>
    public static PcscException Create(ScardError error, string operation, string? readerName = null)
    {
        var message = ScardErrors.Explain(error, operation, readerName);
        return error switch
        {
            ScardError.NoService or ScardError.ServiceStopped or ScardError.Shutdown or ScardError.CommError
                or ScardError.CommDataLost or ScardError.NoReadersAvailable
                => new PcscServiceException(error, operation, message, readerName),
            ScardError.SharingViolation => new PcscReaderBusyException(error, operation, message, readerName),
            ScardError.RemovedCard or ScardError.ResetCard or ScardError.UnpoweredCard or ScardError.UnresponsiveCard
                or ScardError.NoSmartcard or ScardError.UnsupportedCardWarning
                => new PcscCardStateException(error, operation, message, readerName),
            ScardError.UnknownReader or ScardError.ReaderUnavailable
                => new PcscReaderException(error, operation, message, readerName),
            _ => new PcscException(error, operation, message, readerName),
        };
    }
}
