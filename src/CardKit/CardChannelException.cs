namespace CardKit;

/// <summary>
/// Transport-level failure on a card channel: the card went away, was reset by someone else, or
/// the reader/service is gone. The message says what happened and what to do; <see cref="ReaderName"/>
/// names the reader. Layer-specific exceptions (PC/SC, vpcd) derive from it.
/// </summary>
public class CardChannelException : CardKitException
{
    /// <summary>A transport failure that concerns the card (category <see cref="ErrorCategory.CardOrData"/>).</summary>
    public CardChannelException(string message, string? readerName = null, Exception? inner = null)
        : this(ErrorCategory.CardOrData, message, readerName, inner)
    {
    }

    /// <summary>A transport failure of <paramref name="category"/>: the service or reader (environment) or the card.</summary>
    protected CardChannelException(ErrorCategory category, string message, string? readerName, Exception? inner)
        : base(category, message, inner)
    {
        ReaderName = readerName;
    }

    /// <summary>The reader concerned, when known.</summary>
    public string? ReaderName { get; }
}
