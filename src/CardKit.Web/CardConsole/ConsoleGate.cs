using CardKit.Web.Security;

namespace CardKit.Web.CardConsole;

/// <summary>
/// Guards every <c>/console</c> request: 404 when the console is off, 401 without the access token
/// when it is served beyond loopback. A token given once in the query is kept in a cookie
/// (HttpOnly, SameSite=Strict, path /console) so that the page's own requests carry it.
/// </summary>
public sealed class ConsoleGate(RequestDelegate next, ConsoleAccess access)
{
    /// <summary>Passes the request on, or refuses it.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase))
            return next(context);
        if (!access.Enabled)
            return Problems.WriteAsync(context, StatusCodes.Status404NotFound, Problems.TitleOf(StatusCodes.Status404NotFound),
                "the card console is served only on loopback, or with --console and its access token");
        if (!access.Allows(context))
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, Problems.TitleOf(StatusCodes.Status401Unauthorized),
                "the card console needs the access token cardkit-web printed at start (?token=...)");
        if (access.TokenRequired && context.Request.Query.ContainsKey("token"))
        {
            context.Response.Cookies.Append(ConsoleAccess.CookieName, access.Token!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/console",
                IsEssential = true,
            });
        }
        return next(context);
    }
}
