namespace CardKit;

/// <summary>
/// The one exception type for bad card data: malformed hex, APDUs, TLV, records, captures.
/// It says what was wrong and where (the byte or character offset in the input).
/// </summary>
public class CardKitFormatException : CardKitException
{
    /// <summary>Bad data: <paramref name="message"/> says what, <paramref name="offset"/> where (-1 when not positional).</summary>
    public CardKitFormatException(string message, int offset = -1, Exception? inner = null)
        : base(ErrorCategory.CardOrData, offset >= 0 ? $"{message} (at offset {offset})" : message, inner)
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>Offset of the offending byte or character in the input, or -1 when not positional.</summary>
    public int Offset { get; }

    /// <summary>The message without the offset suffix.</summary>
    public string Reason { get; }
}
