namespace CardKit.Web.Security;

/// <summary>
/// The Mozilla Observatory A+ header set, on every response: pages, JSON, static files, errors
/// (added when the response starts, so an error handler that clears the response keeps them).
/// The Content-Security-Policy allows only local assets: styles everywhere, scripts and
/// connections only on the console pages that need them; no inline script or style anywhere.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The policy of every response except the console pages.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The console pages: their own script and its server-sent events and form posts as well.</summary>
    public const string ConsoleContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>RFC 6797: two years, subdomains included; sent over HTTPS only (§7.2).</summary>
    public const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";

    /// <summary>Adds the headers to the response of <paramref name="context"/>.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            var console = http.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = console ? ConsoleContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), usb=(), payment=()";
            if (http.Request.IsHttps)
                headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
