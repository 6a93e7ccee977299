using System.Net;
using System.Security.Cryptography;

namespace CardKit.Web.CardConsole;

/// <summary>
/// Whether the card console is served and how it is protected: always when every address the
/// server listens on is loopback; otherwise only with <c>--console</c>, and then every console
/// request must carry the access token printed at start (query <c>token=</c> once, which sets a
/// cookie, or the <c>Authorization: Bearer</c> header).
/// </summary>
public sealed class ConsoleAccess
{
    /// <summary>The cookie that carries the token after the first visit.</summary>
    public const string CookieName = "cardkit-console";

    /// <summary>Access decided from the listening <paramref name="urls"/> and the options.</summary>
    public ConsoleAccess(string urls, bool requested, string? token)
    {
        Loopback = OnlyLoopback(urls);
        Enabled = Loopback || requested;
        TokenRequired = Enabled && !Loopback;
        Token = TokenRequired ? (string.IsNullOrEmpty(token) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : token) : null;
    }

    /// <summary>The server listens on loopback addresses only.</summary>
    public bool Loopback { get; }

    /// <summary>The console pages are served.</summary>
    public bool Enabled { get; }

    /// <summary>Console requests must carry <see cref="Token"/>.</summary>
    public bool TokenRequired { get; }

    /// <summary>The access token (null on loopback, where none is needed).</summary>
    public string? Token { get; }

    /// <summary>True when every URL in <paramref name="urls"/> (';'-separated) names a loopback host.</summary>
    public static bool OnlyLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var any = false;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            any = true;
            var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..];
            var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']', StringComparison.Ordinal)] : rest.Split(':', '/')[0];
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!IPAddress.TryParse(host, out var address) || !IPAddress.IsLoopback(address))
                return false;
        }
        return any;
    }

    /// <summary>True when <paramref name="context"/> may use the console.</summary>
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
            return false;
        if (!TokenRequired)
            return true;
        var given = context.Request.Cookies[CookieName]
            ?? context.Request.Query["token"].FirstOrDefault()
            ?? (context.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null);
        return given is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(Token!));
    }
}
