namespace CardKit;

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
