namespace CardKit.Hosting;

/// <summary>A reader designation that names no reader, with the readers there are.</summary>
public sealed class ReaderSelectionException : CardKitException
{
    /// <summary>The designation <paramref name="designation"/> failed for <paramref name="failure"/>.</summary>
    public ReaderSelectionException(ReaderSelectionFailure failure, string? designation, IReadOnlyList<string> candidates, string message)
        : base(CategoryOf(failure), message)
    {
        Failure = failure;
        Designation = designation;
        Candidates = candidates;
    }

    /// <summary>Why nothing was selected.</summary>
    public ReaderSelectionFailure Failure { get; }

    /// <summary>What the caller asked for (null: "the first reader with a card").</summary>
    public string? Designation { get; }

    /// <summary>The readers (or virtual cards) that were there to choose from, or that matched when ambiguous.</summary>
    public IReadOnlyList<string> Candidates { get; }

    private static ErrorCategory CategoryOf(ReaderSelectionFailure failure) => failure switch
    {
        ReaderSelectionFailure.NoReaders or ReaderSelectionFailure.NoMatch => ErrorCategory.Environment,
        ReaderSelectionFailure.NoCard => ErrorCategory.CardOrData,
        _ => ErrorCategory.Usage,
    };
}
