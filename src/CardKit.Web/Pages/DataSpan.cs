namespace CardKit.Web.Pages;

/// <summary>
/// Cuts a decoded line around the part that is data (a card's or an application's name, text from
/// the card), which a page marks as not to be translated.
/// </summary>
public static class DataSpan
{
    /// <summary><paramref name="text"/> before, inside and after <paramref name="data"/>; all of it before when there is no data.</summary>
    public static (string Before, string Data, string After) Split(string text, Range? data)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (data is not { } range)
            return (text, "", "");
        var (start, length) = range.GetOffsetAndLength(text.Length);
        return (text[..start], text.Substring(start, length), text[(start + length)..]);
    }
}
