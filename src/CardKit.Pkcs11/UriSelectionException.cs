namespace CardKit.Pkcs11;

/// <summary>A PKCS#11 URI selected no token or object, or more than one, or named no object at all.</summary>
public sealed class UriSelectionException : Pkcs11Exception
{
    /// <summary><paramref name="uri"/> failed for <paramref name="failure"/> with <paramref name="matches"/> matches.</summary>
    public UriSelectionException(UriSelectionFailure failure, Pkcs11Uri uri, int matches, IReadOnlyList<string> candidates, string message)
        : base(failure == UriSelectionFailure.NoObjectAttributes ? ErrorCategory.Usage : ErrorCategory.CardOrData, message, null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Failure = failure;
        Uri = uri.Redacted();
        Matches = matches;
        Candidates = candidates;
    }

    /// <summary>What went wrong.</summary>
    public UriSelectionFailure Failure { get; }

    /// <summary>The URI, its PIN replaced by "***".</summary>
    public string Uri { get; }

    /// <summary>How many tokens or objects matched.</summary>
    public int Matches { get; }

    /// <summary>For <see cref="UriSelectionFailure.NoToken"/>: the labels of the tokens there are; otherwise empty.</summary>
    public IReadOnlyList<string> Candidates { get; }
}
