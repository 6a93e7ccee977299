namespace CardKit.Web.Data;

/// <summary>A description of an unknown ATR sent by a visitor, stored exactly as given.</summary>
public sealed class Submission
{
    /// <summary>The longest description accepted.</summary>
    public const int MaxDescription = 1000;

    /// <summary>The longest URL accepted.</summary>
    public const int MaxUrl = 500;

    /// <summary>The longest contact address accepted (RFC 5321 §4.5.3.1.3).</summary>
    public const int MaxContact = 254;

    /// <summary>Key, in the order of arrival.</summary>
    public long Id { get; set; }

    /// <summary>The ATR in upper-case hex with spaces ("3B 8F 80 01 ...").</summary>
    public required string Atr { get; set; }

    /// <summary>What the card is, as the visitor wrote it.</summary>
    public required string Description { get; set; }

    /// <summary>A link about the card, as given (shown as a link only when it is http or https).</summary>
    public string? Url { get; set; }

    /// <summary>The visitor's e-mail address, for the moderators only.</summary>
    public string? Contact { get; set; }

    /// <summary>The client address the submission came from.</summary>
    public required string ClientAddress { get; set; }

    /// <summary>When it was received (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Pending, accepted or rejected.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; set; }

    /// <summary>The moderator who decided.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>When it was decided (UTC).</summary>
    public DateTimeOffset? ReviewedAt { get; set; }
}
