namespace CardKit.Web.Submissions;

/// <summary>The database did not take a submission; the sender gets a 503 and may send it again.</summary>
public sealed class SubmissionNotStoredException(Exception inner)
    : CardKitException(ErrorCategory.Environment, "the submission could not be stored (the database is not available); please send it again", inner);
