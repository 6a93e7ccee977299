using Microsoft.AspNetCore.Diagnostics;

namespace CardKit.Web.Security;

/// <summary>
/// Turns exceptions into RFC 9457 problem documents: a library's <see cref="CardKitException"/> by
/// its category (usage 400, card or data 422, environment 503) with its message, a bad request the
/// server detected (a body over the limit: 413) by its status; anything else is a 500 that says
/// nothing about the internals.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            CardKitException { Category: ErrorCategory.Usage } e => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
            CardKitException { Category: ErrorCategory.CardOrData } e => (StatusCodes.Status422UnprocessableEntity, "The card or the data said no", e.Message),
            CardKitException { Category: ErrorCategory.Environment } e => (StatusCodes.Status503ServiceUnavailable, "Not available on this machine", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "the server failed; the log has the details"),
        };
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        await Problems.WriteAsync(httpContext, status, title, detail).ConfigureAwait(false);
        return true;
    }
}
