namespace CardKit;

/// <summary>
/// The base of every exception CardKit's libraries throw on purpose. <see cref="Category"/> says
/// whose move it is; subclasses carry their data (the PC/SC or PKCS#11 code, the status word, the
/// offset in the input). Misuse of an API (a null argument, a buffer too small) throws the usual
/// <see cref="ArgumentException"/> instead.
/// </summary>
public class CardKitException : Exception
{
    /// <summary>A failure of <paramref name="category"/>; <paramref name="message"/> says what happened and why.</summary>
    public CardKitException(ErrorCategory category, string message, Exception? inner = null)
        : base(message, inner)
    {
        Category = category;
    }

    /// <summary>Whose move it is: the card or data, the caller, or the environment.</summary>
    public ErrorCategory Category { get; }
}
