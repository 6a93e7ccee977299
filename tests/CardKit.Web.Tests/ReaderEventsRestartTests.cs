using System.Text.Json;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>Stops and starts the shared pcscd: runs alone in test.sh's second pass (trait RestartsPcscd).</summary>
[Collection(WebReaderG.Name)]
[Trait("Category", "RestartsPcscd")]
public sealed class ReaderEventsRestartTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_page_is_told_when_pcscd_goes_away_and_comes_back()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        Pcscd.EnsureRunning();
        using var dir = TempPath.Directory();
        await using var server = await WebServerProcess.StartAsync(["--db", Path.Combine(dir.Path, "web.db")]);
        using var client = server.Client();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        using var response = await client.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        async Task Next(string kind)
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonDocument.Parse(line[6..]).RootElement.GetProperty("kind").GetString() == kind)
                    return;
            }
            throw new InvalidOperationException($"the event stream ended before {kind}");
        }

        await Next("ReaderAdded");
        try
        {
            Assert.Null(Pcscd.Control("stop"));
            await Next("ServiceLost");
        }
        finally
        {
            Assert.Null(Pcscd.Control("start"));
        }
        await Next("ServiceRestored");
        await Next("ReaderAdded");
    }
}
