namespace CardKit.Pcsc;

/// <summary>Another process holds the reader or card exclusively (SCARD_E_SHARING_VIOLATION).</summary>
public sealed class PcscReaderBusyException(ScardError error, string operation, string message, string? readerName)
    : PcscException(ErrorCategory.Environment, error, operation, message, readerName);
