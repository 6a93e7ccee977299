using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// The card answered a command with an error status word (wrong PIN, file not found, access
/// denied...). The message says what was attempted, what the card said and what to do.
/// </summary>
public class CardStatusException : Exception
{
    public CardStatusException(string message, StatusWord statusWord)
        : base(message)
    {
        StatusWord = statusWord;
    }

    public StatusWord StatusWord { get; }
}
