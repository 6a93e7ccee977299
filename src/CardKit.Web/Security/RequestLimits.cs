using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CardKit.Web.Security;

/// <summary>
/// Refuses oversized requests before anything reads them: a declared body above the limit gets 413
/// before antiforgery or form parsing touches it, a chunked body is read (up to the limit) first
/// and refused the same way, a query string above the limit gets 414. Both as RFC 9457 problem documents.
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
        if (context.Request.ContentLength is null && HasBody(context.Request))
        {
            // A chunked body has no declared length: read it (it is small) before anything parses it,
            // with this limit instead of the server's (whose refusal would carry no problem document).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } unlimited)
                unlimited.MaxRequestBodySize = null;
            var buffered = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffered.Length + read > limits.MaxBodyBytes)
                {
                    await buffered.DisposeAsync().ConfigureAwait(false);
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                        $"the body has more than {limits.MaxBodyBytes} bytes, the most accepted").ConfigureAwait(false);
                    return;
                }
                buffered.Write(chunk, 0, read);
            }
            buffered.Position = 0;
            context.Request.Body = buffered;
            context.Response.RegisterForDisposeAsync(buffered);
        }
        else if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limits.MaxBodyBytes;
        }
        await next(context).ConfigureAwait(false);
    }

    private static bool HasBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0 || request.Headers.ContentType.Count > 0;

    private static Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        // The client may still be sending the body: close the connection after the answer.
        context.Response.Headers.Connection = "close";
        return Problems.WriteAsync(context, status, title, detail);
    }
}
