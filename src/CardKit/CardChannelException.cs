namespace CardKit;

/// <summary>
/// Transport-level failure on a card channel: the card went away, was reset by someone else, or
/// the reader/service is gone. The message says what happened and what to do; <see cref="ReaderName"/>
/// names the reader. Layer-specific exceptions (PC/SC, vpcd) derive from it.
/// </summary>
public class CardChannelException : Exception
{
    public CardChannelException(string message, string? readerName = null, Exception? inner = null)
        : base(message, inner)
    {
        ReaderName = readerName;
    }

    public string? ReaderName { get; }
}

/// <summary>The card was removed (or powered down) while in use.</summary>
public class CardRemovedException : CardChannelException
{
    public CardRemovedException(string readerName, Exception? inner = null)
        : base($"The card in reader '{readerName}' was removed or powered down while in use. " +
               "Insert it again (or restart the virtual card) and repeat the command.", readerName, inner)
    {
    }

    public CardRemovedException(string message, string readerName, Exception? inner)
        : base(message, readerName, inner)
    {
    }
}
