using System.Net.Mail;
using CardKit.Atr;
using CardKit.Web.Data;

namespace CardKit.Web.Submissions;

/// <summary>
/// The submission form of an unknown ATR's page: the ATR, a description (required), an optional
/// URL and contact address, and a honeypot field that people never see and robots fill in.
/// </summary>
public sealed class SubmissionForm
{
    /// <summary>The ATR being described.</summary>
    public string? Atr { get; set; }

    /// <summary>What the card is.</summary>
    public string? Description { get; set; }

    /// <summary>A page about the card.</summary>
    public string? Url { get; set; }

    /// <summary>The sender's e-mail address (moderators only).</summary>
    public string? Contact { get; set; }

    /// <summary>The honeypot: hidden from people; a robot that fills it in is thanked and ignored.</summary>
    public string? Website { get; set; }

    /// <summary>True when the honeypot was filled in.</summary>
    public bool IsRobot => !string.IsNullOrEmpty(Website);

    /// <summary>
    /// The submission to store, or null with the resource keys of what is wrong. Text is kept as
    /// given (it is rendered inert wherever it is shown); only the ATR is normalised.
    /// </summary>
    public Submission? ToSubmission(string clientAddress, DateTimeOffset now, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        byte[]? atr = null;
        if (string.IsNullOrWhiteSpace(Atr) || Atr.Length > 512 || !Hex.TryParse(Atr, out atr) || atr.Length == 0 || atr.Length > AtrParser.MaxLength + 8)
            errors.Add("Submit.Error.Atr");
        if (string.IsNullOrWhiteSpace(Description))
            errors.Add("Submit.Error.DescriptionRequired");
        else if (Description.Length > Submission.MaxDescription)
            errors.Add("Submit.Error.DescriptionTooLong");
        if (Url is { Length: > 0 } && Url.Length > Submission.MaxUrl)
            errors.Add("Submit.Error.UrlTooLong");
        if (Contact is { Length: > 0 } && (Contact.Length > Submission.MaxContact || !MailAddress.TryCreate(Contact, out _)))
            errors.Add("Submit.Error.Contact");
        // PostgreSQL text cannot hold U+0000; refused on every engine alike.
        if ((Description?.Contains('\0', StringComparison.Ordinal) ?? false) || (Url?.Contains('\0', StringComparison.Ordinal) ?? false))
            errors.Add("Submit.Error.Nul");
        if (errors.Count > 0)
            return null;
        return new Submission
        {
            Atr = Hex.Format(atr!),
            Description = Description!,
            Url = string.IsNullOrEmpty(Url) ? null : Url,
            Contact = string.IsNullOrEmpty(Contact) ? null : Contact,
            ClientAddress = clientAddress,
            CreatedAt = now,
            Status = SubmissionStatus.Pending,
        };
    }
}
