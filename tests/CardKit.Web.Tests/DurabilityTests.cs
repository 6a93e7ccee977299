using System.Collections.Concurrent;
using System.Net;
using CardKit.Testing;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Tests;

/// <summary>
/// Acknowledged means committed: the real server is killed with SIGKILL in the middle of a burst of
/// concurrent submissions; after a restart every acknowledged submission is there, on both engines.
/// </summary>
public sealed class DurabilityTests(PostgresCluster postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory(Timeout = 180_000)]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Every_acknowledged_submission_survives_kill_9(string engine)
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var database = new TestDatabase(engine, postgres);
        using var list = TempPath.WithText(TestLists.Text, ".txt");
        string[] args = ["--db", database.Db, "--list", list.Path, "--CardKit:SubmissionsPerMinute=0"];
        var acknowledged = new ConcurrentBag<string>();
        var server = await WebServerProcess.StartAsync(args);
        try
        {
            using var burst = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            burst.CancelAfter(TimeSpan.FromSeconds(60));
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                using var client = server.Client();
                var token = await WebFlows.SubmissionTokenAsync(client, TestLists.Unknown);
                for (var i = 0; !burst.IsCancellationRequested; i++)
                {
                    var description = $"worker {w} submission {i}";
                    try
                    {
                        using var response = await WebFlows.PostSubmissionAsync(client, token, TestLists.Unknown, description, cancellationToken: burst.Token);
                        if (response.StatusCode != HttpStatusCode.Redirect)
                            throw new InvalidOperationException($"{(int)response.StatusCode} for {description}");
                        acknowledged.Add(description);
                        if (acknowledged.Count >= 400)
                            enough.TrySetResult();
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            }, burst.Token)).ToList();
            await enough.Task.WaitAsync(burst.Token);
            // Submissions are still in flight right now: some were received and not yet committed.
            server.Kill();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        }
        finally
        {
            await server.DisposeAsync();
        }
        var snapshot = acknowledged.ToHashSet();
        Assert.True(snapshot.Count >= 400);

        await using var restarted = await WebServerProcess.StartAsync(args);
        await using var db = database.Open();
        var stored = (await db.Submissions.AsNoTracking().Select(s => s.Description).ToListAsync(Cancel)).ToHashSet();
        var lost = snapshot.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged submissions lost on {engine}, e.g. {string.Join(", ", lost.Take(5))}");
        // The restarted server serves and takes submissions again.
        using var client = restarted.Client();
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "after the restart");
    }
}
