namespace CardKit.Pcsc;

/// <summary>The reader is unknown or went away.</summary>
public sealed class PcscReaderException(ScardError error, string operation, string message, string? readerName)
    : PcscException(ErrorCategory.Environment, error, operation, message, readerName);
