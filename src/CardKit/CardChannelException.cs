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

/// <summary>The card was removed (or powered down) while in use.</summary>
public class CardRemovedException : CardChannelException
{
    /// <summary>The card in <paramref name="readerName"/> went away.</summary>
    public CardRemovedException(string readerName, Exception? inner = null)
        : base($"The card in reader '{readerName}' was removed or powered down while in use. " +
               "Insert it again (or restart the virtual card) and repeat the command.", readerName, inner)
    {
    }

    /// <summary>The card in <paramref name="readerName"/> went away; <paramref name="message"/> says how.</summary>
    public CardRemovedException(string message, string readerName, Exception? inner)
        : base(message, readerName, inner)
    {
    }
}
