namespace CardKit.Pkcs11;

/// <summary>
/// A PKCS#11 function returned an error (<see cref="Code"/>, <see cref="Function"/>), or a token did
/// not hold what was asked for. The message names the code and says what it means; subclasses
/// carry more data (the PIN counters, the mechanisms a token offers, what a URI matched).
/// </summary>
public class Pkcs11Exception : CardKitException
{
    /// <summary><paramref name="function"/> returned <paramref name="code"/>; <paramref name="reason"/> replaces the stock explanation.</summary>
    public Pkcs11Exception(ReturnValue code, string function, string? reason = null)
        : this(ErrorCategory.CardOrData, code, function, reason ?? Explain(code))
    {
    }

    /// <summary>A failure that is not one function's return code.</summary>
    public Pkcs11Exception(string message, Exception? inner = null)
        : this(ErrorCategory.CardOrData, message, inner)
    {
    }

    /// <summary>A failure of <paramref name="category"/> that is not one function's return code.</summary>
    protected Pkcs11Exception(ErrorCategory category, string message, Exception? inner)
        : base(category, message, inner)
    {
        Function = "";
        Reason = message;
    }

    /// <summary><paramref name="function"/> returned <paramref name="code"/>, a failure of <paramref name="category"/>.</summary>
    protected Pkcs11Exception(ErrorCategory category, ReturnValue code, string function, string reason)
        : base(category, $"{function} failed: {Pkcs11Names.Of(code)}: {reason}")
    {
        Code = code;
        Function = function;
        Reason = reason;
    }

    /// <summary>The CK_RV the function returned; <see cref="ReturnValue.Ok"/> when the failure is not a return code.</summary>
    public ReturnValue Code { get; }

    /// <summary>The function that failed ("C_Login"), or "" when the failure is not a return code.</summary>
    public string Function { get; }

    /// <summary>What the code means here, without the function and code the message starts with.</summary>
    public string Reason { get; }

    private static string Explain(ReturnValue code) => code switch
    {
        ReturnValue.PinIncorrect => "wrong PIN",
        ReturnValue.PinLocked => "the PIN is locked after too many wrong tries; the security officer can set a new one (C_InitPIN)",
        ReturnValue.PinInvalid or ReturnValue.PinLenRange => "the PIN has characters or a length the token does not accept",
        ReturnValue.UserNotLoggedIn => "log in first (give the PIN)",
        ReturnValue.MechanismInvalid => "this token does not support the mechanism",
        ReturnValue.SignatureInvalid => "the signature does not verify",
        ReturnValue.TokenNotPresent => "no token in the slot",
        ReturnValue.AttributeSensitive => "the attribute is sensitive and cannot be read",
        ReturnValue.AttributeTypeInvalid => "the object has no such attribute",
        ReturnValue.SessionReadOnly => "the session is read-only",
        ReturnValue.TemplateIncomplete or ReturnValue.TemplateInconsistent => "the object template is incomplete or inconsistent",
        _ => "see the PKCS#11 specification for this code",
    };
}
