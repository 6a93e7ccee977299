namespace CardKit.Pkcs11;

/// <summary>The place a PIN was to come from gives none: an environment variable that is not set, a pin-source file that cannot be read.</summary>
public sealed class PinSourceException : CardKitException
{
    /// <summary><paramref name="source"/> (a variable name or a file) gives no PIN; <paramref name="message"/> says why.</summary>
    public PinSourceException(string source, string message, Exception? inner = null)
        : base(ErrorCategory.Usage, message, inner)
    {
        SourceName = source;
    }

    /// <summary>The environment variable or pin-source that was asked.</summary>
    public string SourceName { get; }
}
