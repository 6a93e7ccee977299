namespace CardKit.Web;

/// <summary>SMTP for the moderator notices (MailKit).</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server; null or empty: notices go to the log.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The account name, when the server wants a login.</summary>
    public string? User { get; set; }

    /// <summary>The account password.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "cardkit-web@localhost";

    /// <summary>The moderators' address.</summary>
    public string? To { get; set; }

    /// <summary>Gives up on a server that does not answer within this time.</summary>
    public int TimeoutSeconds { get; set; } = 20;
}
