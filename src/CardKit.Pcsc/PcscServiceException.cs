namespace CardKit.Pcsc;

/// <summary>pcscd is not reachable or speaks another protocol version; recreate the context after fixing it.</summary>
public sealed class PcscServiceException(ScardError error, string operation, string message, string? readerName)
    : PcscException(ErrorCategory.Environment, error, operation, message, readerName);
