using System.Text;
using CardKit.Web.Atr;
using CardKit.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Submissions;

/// <summary>
/// Moderator routes that are not pages: <c>GET /admin/export</c> (the accepted entries as
/// smartcard_list.txt lines, ready to send upstream) and <c>POST /admin/list/reload</c> (read the
/// installed list again without a restart).
/// </summary>
public static class AdminApi
{
    /// <summary>Maps the routes; both need a logged-in moderator, the reload an antiforgery token as well.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").RequireAuthorization().ExcludeFromDescription();
        admin.MapGet("/export", ExportAsync);
        admin.MapPost("/list/reload", ReloadAsync);
    }

    private static async Task<IResult> ExportAsync(WebDb db, CancellationToken cancellationToken)
    {
        var accepted = await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Accepted)
            .OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var text = "# ATRs accepted by the moderators of this cardkit-web, in smartcard_list.txt format\n\n" + AtrCatalog.ListLines(accepted);
        return TypedResults.Text(text, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> ReloadAsync([FromForm] string? unused, AtrCatalog catalog, CancellationToken cancellationToken)
    {
        await catalog.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Redirect("/admin");
    }
}
