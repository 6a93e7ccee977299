using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CardKit.Web.Security;

/// <summary>
/// Refuses oversized requests before anything reads them: a declared body above the limit gets 413
/// before antiforgery or form parsing touches it (a chunked body is cut at the same limit by the
/// server), a query string above the limit gets 414. Both as RFC 9457 problem documents.
/// </summary>
public sealed class RequestLimits(RequestDelegate next, IOptions<WebServiceOptions> options)
{
    /// <summary>Checks the request of <paramref name="context"/> and passes it on when it is within the limits.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = options.Value;
        if (context.Request.QueryString.Value is { } query && query.Length > limits.MaxQueryLength)
        {
            await RefuseAsync(context, StatusCodes.Status414UriTooLong, "Query string too long",
                $"the query string has {query.Length} characters; at most {limits.MaxQueryLength} are accepted").ConfigureAwait(false);
            return;
        }
        if (context.Request.ContentLength is { } length && length > limits.MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"the body has {length} bytes; at most {limits.MaxBodyBytes} are accepted").ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limits.MaxBodyBytes;
        await next(context).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        // The client may still be sending the body: close the connection after the answer.
        context.Response.Headers.Connection = "close";
        return Problems.WriteAsync(context, status, title, detail);
    }
}
