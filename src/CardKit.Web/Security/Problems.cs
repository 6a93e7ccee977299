using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CardKit.Web.Security;

/// <summary>Writes RFC 9457 problem documents (application/problem+json), whatever the client's Accept header says.</summary>
public static class Problems
{
    /// <summary>The media type of RFC 9457 §3.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Writes a problem with <paramref name="status"/>, <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
            return;
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path.Value };
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, WebJsonContext.Default.ProblemDetails, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The title for a bare status code (404, 405, 429, ...).</summary>
    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Authentication required",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status414UriTooLong => "Query string too long",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        _ => "Error",
    };
}
