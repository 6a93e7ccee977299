using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// The card answered a command with an error status word (wrong PIN, file not found, access
/// denied...). The message says what was attempted, what the card said and what to do.
/// </summary>
public class CardStatusException : CardKitException
{
    /// <summary>The card refused with <paramref name="statusWord"/>; <paramref name="message"/> tells the story.</summary>
    public CardStatusException(string message, StatusWord statusWord)
        : base(ErrorCategory.CardOrData, message)
    {
        StatusWord = statusWord;
    }

    /// <summary>What the card answered.</summary>
    public StatusWord StatusWord { get; }
}
