using CardKit.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CardKit.Web.Pages;

/// <summary>
/// <c>POST /submit</c>: stores a description of an unknown ATR (antiforgery token checked, rate
/// limited per client address) and answers only once it is committed; then back to the ATR's page.
/// </summary>
[EnableRateLimiting(WebApp.SubmissionPolicy)]
public sealed class SubmitModel(SubmissionStore queue) : PageModel
{
    /// <summary>The form as posted.</summary>
    public SubmissionForm Form { get; private set; } = new();

    /// <summary>What is wrong with the form (resource keys).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>GET has nothing to show: back to the start page.</summary>
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Stores the submission and redirects to the ATR's page, or shows what is wrong (400).</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] SubmissionForm form, CancellationToken cancellationToken)
    {
        Form = form ?? new SubmissionForm();
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var submission = Form.ToSubmission(client, DateTimeOffset.UtcNow, Errors);
        if (submission is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // A robot that filled in the honeypot is thanked like anyone else, and nothing is stored.
        if (!Form.IsRobot)
            await queue.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        return Redirect($"/parse?ATR={Uri.EscapeDataString(CardKit.Hex.Format(CardKit.Hex.Parse(submission.Atr), '\0'))}&submitted=true");
    }
}
