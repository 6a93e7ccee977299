namespace CardKit.Pkcs11;

/// <summary>C_Login returned CKR_PIN_INCORRECT; <see cref="TriesLeft"/> is what the token said about its counter afterwards.</summary>
public sealed class WrongPinException : Pkcs11Exception
{
    /// <summary>A wrong PIN for <paramref name="user"/>; the token then reported <paramref name="triesLeft"/>.</summary>
    public WrongPinException(UserType user, PinTries triesLeft)
        : base(ErrorCategory.CardOrData, ReturnValue.PinIncorrect, "C_Login", Describe(user, triesLeft))
    {
        User = user;
        TriesLeft = triesLeft;
    }

    /// <summary>Whose PIN was wrong.</summary>
    public UserType User { get; }

    /// <summary>The token's PIN counter after the wrong try.</summary>
    public PinTries TriesLeft { get; }

    private static string Describe(UserType user, PinTries tries) =>
        $"wrong {(user == UserType.SecurityOfficer ? "security officer " : "")}PIN ({tries switch
        {
            PinTries.Locked => "the PIN is now locked",
            PinTries.FinalTry => "one try left before the PIN locks",
            PinTries.Few => "few tries left",
            _ => "the token does not say how many tries are left",
        }})";
}
