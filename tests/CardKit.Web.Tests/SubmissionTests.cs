using System.Net;
using CardKit.Web.Data;
using CardKit.Web.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CardKit.Web.Tests;

/// <summary>Submit, moderate, match, export: in process on SQLite.</summary>
public sealed class SubmissionTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private InProcessServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = InProcessServer.With("--CardKit:SubmissionsPerMinute=0");
        using var scope = _server.Services.CreateScope();
        Assert.Empty(await Moderators.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), "alice", Password));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<Submission>> StoredAsync()
    {
        using var scope = _server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebDb>().Submissions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(Cancel);
    }

    [Fact]
    public async Task A_submission_accepted_by_a_moderator_is_matched_from_then_on()
    {
        using var visitor = _server.BrowserClient();
        Assert.Empty(await WebFlows.MatchAsync(visitor, TestLists.Unknown));
        await WebFlows.SubmitAsync(visitor, TestLists.Unknown, "Test UICC (CardKit)", "https://example.org/uicc", "someone@example.org");
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(TestLists.Unknown, stored.Atr);
        Assert.Equal(SubmissionStatus.Pending, stored.Status);
        Assert.Equal("someone@example.org", stored.Contact);
        Assert.Empty(await WebFlows.MatchAsync(visitor, TestLists.Unknown));

        using var moderator = _server.BrowserClient();
        await WebFlows.LoginAsync(moderator, "alice", Password);
        await WebFlows.DecideAsync(moderator, "Test UICC (CardKit)");

        Assert.Equal(["Test UICC (CardKit)", "https://example.org/uicc"], await WebFlows.MatchAsync(visitor, TestLists.Unknown));
        var page = await Html.GetAsync(visitor, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown));
        Assert.Contains(page.QuerySelectorAll("dl.matches dd"), d => d.TextContent == "Test UICC (CardKit)");
        var accepted = Assert.Single(await StoredAsync());
        Assert.Equal(SubmissionStatus.Accepted, accepted.Status);
        Assert.Equal("alice", accepted.ReviewedBy);

        using var export = await moderator.GetAsync("/admin/export", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/plain", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync(Cancel)).Split('\n');
        var at = Array.IndexOf(lines, TestLists.Unknown);
        Assert.True(at >= 0);
        Assert.Equal("\tTest UICC (CardKit)", lines[at + 1]);
        Assert.Equal("\thttps://example.org/uicc", lines[at + 2]);
        // The export re-reads as a list that matches the ATR.
        var list = CardKit.Atr.SmartcardList.Parse(new StringReader(string.Join('\n', lines)));
        Assert.Single(list.Match(CardKit.Hex.Parse(TestLists.Unknown)));
    }

    [Fact]
    public async Task A_rejected_submission_is_not_matched_and_keeps_its_reason()
    {
        using var visitor = _server.BrowserClient();
        await WebFlows.SubmitAsync(visitor, TestLists.Unknown, "spam spam spam");
        using var moderator = _server.BrowserClient();
        await WebFlows.LoginAsync(moderator, "alice", Password);
        await WebFlows.DecideAsync(moderator, "spam spam spam", rejectReason: "not a card description");
        Assert.Empty(await WebFlows.MatchAsync(visitor, TestLists.Unknown));
        var rejected = Assert.Single(await StoredAsync());
        Assert.Equal(SubmissionStatus.Rejected, rejected.Status);
        Assert.Equal("not a card description", rejected.Reason);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>", "javascript:alert(1)")]
    [InlineData("Robert'); DROP TABLE \"Submissions\";--", "https://example.org/?q=1' OR '1'='1")]
    [InlineData("bell\u0007 escape\u001b[31m tab\t newline\n<b>bold</b> &amp;", "http://example.org/<img src=x onerror=alert(1)>")]
    public async Task Hostile_text_is_stored_as_given_and_rendered_inert(string description, string url)
    {
        using var visitor = _server.BrowserClient();
        await WebFlows.SubmitAsync(visitor, TestLists.Unknown, description, url);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(description, stored.Description);
        Assert.Equal(url, stored.Url);

        using var moderator = _server.BrowserClient();
        await WebFlows.LoginAsync(moderator, "alice", Password);
        var queue = await Html.GetAsync(moderator, "/admin");
        Assert.Empty(queue.QuerySelectorAll("script, img, b"));
        Assert.Contains(queue.QuerySelectorAll(".description"), d => d.TextContent == description);
        // Only http(s) URLs become links; the rest is text.
        Assert.DoesNotContain(queue.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));

        await WebFlows.DecideAsync(moderator, description);
        var page = await Html.GetAsync(visitor, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown));
        Assert.Empty(page.QuerySelectorAll("script, img, b"));
        Assert.NotEmpty(page.QuerySelectorAll("dl.matches dd"));
        Assert.Equal(SubmissionStatus.Accepted, Assert.Single(await StoredAsync()).Status);
    }

    [Fact]
    public async Task A_form_without_description_is_refused_and_nothing_is_stored()
    {
        using var visitor = _server.BrowserClient();
        var token = await WebFlows.SubmissionTokenAsync(visitor, TestLists.Unknown);
        using var response = await WebFlows.PostSubmissionAsync(visitor, token, TestLists.Unknown, "   ", cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains(page.QuerySelectorAll("ul.error li"), li => li.TextContent == "A description is required.");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_form_without_antiforgery_token_is_refused()
    {
        using var visitor = _server.BrowserClient();
        using var response = await WebFlows.PostSubmissionAsync(visitor, "forged", TestLists.Unknown, "a card", cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_robot_that_fills_in_the_honeypot_is_thanked_and_ignored()
    {
        using var visitor = _server.BrowserClient();
        var token = await WebFlows.SubmissionTokenAsync(visitor, TestLists.Unknown);
        using var response = await WebFlows.PostSubmissionAsync(visitor, token, TestLists.Unknown, "buy pills", website: "http://spam.example", cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The_review_queue_and_export_need_a_moderator()
    {
        using var visitor = _server.BrowserClient();
        foreach (var url in new[] { "/admin", "/admin/export" })
        {
            using var response = await visitor.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var login = await Html.GetAsync(visitor, "/admin/login");
        using var form = Html.Form(("__af", Html.Token(login, "/admin/login")), ("userName", "alice"), ("password", "wrong password"));
        using var refused = await visitor.PostAsync("/admin/login", form, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Reloading_the_list_file_picks_up_a_new_entry_without_a_restart()
    {
        using var moderator = _server.BrowserClient();
        await WebFlows.LoginAsync(moderator, "alice", Password);
        Assert.Empty(await WebFlows.MatchAsync(moderator, TestLists.Unknown));
        await File.AppendAllTextAsync(_server.ListPath, TestLists.Unknown + "\n\tAdded to the file\n", Cancel);
        var queue = await Html.GetAsync(moderator, "/admin");
        using var form = Html.Form(("__af", Html.Token(queue, "/admin/list/reload")));
        using var response = await moderator.PostAsync("/admin/list/reload", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Added to the file"], await WebFlows.MatchAsync(moderator, TestLists.Unknown));
    }

    [Fact]
    public async Task Submissions_are_rate_limited_per_client_address()
    {
        await using var limited = InProcessServer.With("--CardKit:SubmissionsPerMinute=2");
        using var visitor = limited.BrowserClient();
        var token = await WebFlows.SubmissionTokenAsync(visitor, TestLists.Unknown);
        for (var i = 0; i < 2; i++)
        {
            using var ok = await WebFlows.PostSubmissionAsync(visitor, token, TestLists.Unknown, $"card {i}", cancellationToken: Cancel);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using var refused = await WebFlows.PostSubmissionAsync(visitor, token, TestLists.Unknown, "card 3", cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
