using System.Threading.Channels;
using CardKit.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CardKit.Web.Submissions;

/// <summary>
/// Tells the moderators about each stored submission: by mail through SMTP (MailKit) when a server
/// is configured, else in the log. Runs after the commit and apart from the request, so a failing
/// or slow mail server never loses or delays a submission; a failed mail is logged with the notice.
/// </summary>
public sealed class ModeratorNotifier(IOptions<WebServiceOptions> options, ILogger<ModeratorNotifier> logger) : BackgroundService
{
    private readonly Channel<Submission> _notices = Channel.CreateBounded<Submission>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the notice for <paramref name="submission"/> (dropped, and said in the log, if 10,000 are waiting).</summary>
    public void Notify(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!_notices.Writer.TryWrite(submission))
            logger.LogWarning("moderator notice queue full; submission {Id} is in the review queue without a notice", submission.Id);
    }

    /// <summary>The text of the notice for <paramref name="submission"/>.</summary>
    public static string NoticeText(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return $"New ATR submission #{submission.Id} from {submission.ClientAddress} at {submission.CreatedAt:u}\n" +
               $"ATR: {submission.Atr}\nDescription: {submission.Description}\nURL: {submission.Url}\nContact: {submission.Contact}\n";
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var submission in _notices.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var smtp = options.Value.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.To))
            {
                logger.LogInformation("moderator notice (no SMTP configured): {Notice}", NoticeText(submission));
                continue;
            }
            try
            {
                await SendAsync(smtp, submission, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "could not mail the moderator notice through {Host}:{Port}; the submission is stored. Notice: {Notice}",
                    smtp.Host, smtp.Port, NoticeText(submission));
            }
        }
    }

    private static async Task SendAsync(SmtpOptions smtp, Submission submission, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(smtp.To!));
        message.Subject = $"[cardkit-web] ATR submission #{submission.Id}: {submission.Atr}";
        message.Body = new TextPart("plain") { Text = NoticeText(submission) };
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
