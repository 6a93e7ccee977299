using CardKit.Web.Atr;
using CardKit.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Pages.Admin;

/// <summary>
/// <c>/admin</c>: the review queue. Accepting puts the description into the local list (matched
/// at once here, and on every other instance at its next refresh); rejecting needs a reason.
/// </summary>
public sealed class IndexModel(WebDb db, AtrCatalog catalog) : PageModel
{
    /// <summary>How many pending submissions one page shows, oldest first.</summary>
    public const int PageSize = 100;

    /// <summary>The oldest pending submissions.</summary>
    public IReadOnlyList<Submission> Pending { get; private set; } = [];

    /// <summary>How many are pending in all.</summary>
    public int PendingCount { get; private set; }

    /// <summary>The latest decisions.</summary>
    public IReadOnlyList<Submission> Decided { get; private set; } = [];

    /// <summary>The catalog now in use.</summary>
    public AtrCatalogSnapshot Catalog => catalog.Current;

    /// <summary>The list file in use.</summary>
    public string? ListPath => catalog.ListPath;

    /// <summary>Loads the queue.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Pending);
        PendingCount = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
        Pending = await pending.OrderBy(s => s.Id).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        Decided = await db.Submissions.AsNoTracking().Where(s => s.Status != SubmissionStatus.Pending)
            .OrderByDescending(s => s.Id).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepts submission <paramref name="id"/>.</summary>
    public Task<IActionResult> OnPostAcceptAsync([FromForm] long id, CancellationToken cancellationToken) =>
        DecideAsync(id, SubmissionStatus.Accepted, null, cancellationToken);

    /// <summary>Rejects submission <paramref name="id"/> for <paramref name="reason"/>.</summary>
    public Task<IActionResult> OnPostRejectAsync([FromForm] long id, [FromForm] string? reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult<IActionResult>(BadRequest())
            : DecideAsync(id, SubmissionStatus.Rejected, reason.Length > Submission.MaxDescription ? reason[..Submission.MaxDescription] : reason, cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, SubmissionStatus status, string? reason, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (submission is null)
            return NotFound();
        if (submission.Status == SubmissionStatus.Pending)
        {
            submission.Status = status;
            submission.Reason = reason;
            submission.ReviewedBy = User.Identity?.Name;
            submission.ReviewedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (status == SubmissionStatus.Accepted)
                await catalog.RefreshLocalAsync(cancellationToken).ConfigureAwait(false);
        }
        return Redirect("/admin");
    }
}
