namespace CardKit.Pcsc;

/// <summary>The card is absent, was removed, reset by someone else, unpowered or mute.</summary>
public sealed class PcscCardStateException(ScardError error, string operation, string message, string? readerName)
    : PcscException(error, operation, message, readerName);
