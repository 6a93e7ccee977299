namespace CardKit.Pkcs11;

/// <summary>An operation needs the user to log in and no PIN was given.</summary>
public sealed class PinRequiredException : CardKitException
{
    /// <summary>No PIN for what <paramref name="uri"/> names.</summary>
    public PinRequiredException(Pkcs11Uri uri)
        : base(ErrorCategory.Usage, "this needs the user PIN")
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri.Redacted();
    }

    /// <summary>The URI of the token or key, without a PIN.</summary>
    public string Uri { get; }
}
