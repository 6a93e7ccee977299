using CardKit.Atr;

namespace CardKit.Web.Atr;

/// <summary>
/// The ATR a visitor typed: any spacing, case and ':' separators. Text that is not hex at all is
/// refused with the offset; anything else is decoded, defects included.
/// </summary>
public static class AtrQuery
{
    /// <summary>The longest ATR text considered (a 33-byte ATR with separators is about 100 characters).</summary>
    public const int MaxLength = 512;

    /// <summary>The ATR in <paramref name="text"/>, or null with the reason a person can act on.</summary>
    public static AnswerToReset? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no ATR given";
            return null;
        }
        if (text.Length > MaxLength)
        {
            error = $"the ATR text is {text.Length} characters long; at most {MaxLength} are read";
            return null;
        }
        try
        {
            return AtrParser.Parse(text.Trim());
        }
        catch (CardKitFormatException e)
        {
            error = $"not an ATR: {e.Message}";
            return null;
        }
    }
}
