namespace CardKit.Web;

/// <summary>The "CardKit" configuration section: command-line options, environment, appsettings.json.</summary>
public sealed class WebServiceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "CardKit";

    /// <summary>A PostgreSQL connection string ("Host=...;Database=...;Username=..."), a SQLite file path, or null for the embedded default.</summary>
    public string? Db { get; set; }

    /// <summary>The smartcard_list.txt to load; null: the first of the usual places.</summary>
    public string? List { get; set; }

    /// <summary>Serve the card console even when bound to a non-loopback address (an access token is then required).</summary>
    public bool Console { get; set; }

    /// <summary>The console's access token when it is served beyond loopback; generated at start when empty.</summary>
    public string? ConsoleToken { get; set; }

    /// <summary>Submissions accepted per client address per minute (per instance).</summary>
    public int SubmissionsPerMinute { get; set; } = 10;

    /// <summary>How often each instance looks for submissions accepted through another instance.</summary>
    public double ListRefreshSeconds { get; set; } = 5;

    /// <summary>The largest request body accepted (413 above it).</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>The longest query string accepted (414 above it).</summary>
    public int MaxQueryLength { get; set; } = 2048;

    /// <summary>
    /// Addresses of the load balancers or reverse proxies in front of this instance: their
    /// X-Forwarded-For and X-Forwarded-Proto are believed (client address for submissions and rate
    /// limits, HTTPS for cookies and HSTS). Empty: the connection's own address counts.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>Where moderator notices are mailed; without a host they go to the log.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}
