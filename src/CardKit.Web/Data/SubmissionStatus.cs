namespace CardKit.Web.Data;

/// <summary>Where a submission is in review.</summary>
public enum SubmissionStatus
{
    /// <summary>Waiting for a moderator.</summary>
    Pending = 0,

    /// <summary>Accepted: part of the local ATR list, matched from then on.</summary>
    Accepted = 1,

    /// <summary>Rejected with a reason.</summary>
    Rejected = 2,
}
