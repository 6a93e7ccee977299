using System.Net;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>
/// Two instances share one PostgreSQL, as behind a load balancer: a submission made through one,
/// accepted by a moderator logged in through the other, is matched by both; the login cookie and
/// antiforgery tokens of one are accepted by the other (Data Protection keys in the database).
/// </summary>
public sealed class TwoInstancesTests(PostgresCluster postgres)
{
    private const string Password = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task A_submission_through_one_accepted_through_the_other_is_matched_by_both()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var database = new TestDatabase("postgresql", postgres);
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        string[] args = ["--db", database.Db, "--list", list.Path, "--CardKit:ListRefreshSeconds=0.2"];
        var psi = new System.Diagnostics.ProcessStartInfo(WebServerProcess.Program) { ArgumentList = { "add-moderator", "bob", "--db", database.Db } };
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(psi, Password + "\n", TimeSpan.FromSeconds(60), Cancel);
        Assert.True(exit == 0, stdout + stderr);

        await using var a = await WebServerProcess.StartAsync(args);
        await using var b = await WebServerProcess.StartAsync(args);
        using var visitorA = a.Client();
        await WebFlows.SubmitAsync(visitorA, TestLists.Unknown, "Seen through A");

        var jarB = new CookieContainer();
        using var moderatorB = b.Client(jarB);
        await WebFlows.LoginAsync(moderatorB, "bob", Password);
        await WebFlows.DecideAsync(moderatorB, "Seen through A");

        using var visitorB = b.Client();
        Assert.Equal(["Seen through A"], await WebFlows.MatchAsync(visitorB, TestLists.Unknown));
        // A learns about it at its next refresh, which it logs.
        await a.WaitForOutputAsync("1 accepted submission(s) in the local list", TimeSpan.FromSeconds(30));
        Assert.Equal(["Seen through A"], await WebFlows.MatchAsync(visitorA, TestLists.Unknown));

        // B's login cookie opens A's review queue.
        using var moderatorA = a.Client(Rebase(jarB, b.BaseAddress, a.BaseAddress));
        var queue = await Html.GetAsync(moderatorA, "/admin");
        Assert.Contains(queue.QuerySelectorAll("table.queue td.data"), td => td.TextContent.Contains("Seen through A", StringComparison.Ordinal));

        // A form (cookie and token) made by A is accepted by B.
        var jarA = new CookieContainer();
        using var formFromA = a.Client(jarA);
        var token = await WebFlows.SubmissionTokenAsync(formFromA, TestLists.AlsoUnknown);
        using var postToB = b.Client(Rebase(jarA, a.BaseAddress, b.BaseAddress));
        using var crossed = await WebFlows.PostSubmissionAsync(postToB, token, TestLists.AlsoUnknown, "form from A, posted to B", cancellationToken: Cancel);
        Assert.Equal(HttpStatusCode.Redirect, crossed.StatusCode);
    }

    private static CookieContainer Rebase(CookieContainer from, Uri source, Uri target)
    {
        var to = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(source))
            to.Add(target, new Cookie(cookie.Name, cookie.Value, "/"));
        return to;
    }
}
