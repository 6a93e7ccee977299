using System.Text.Json;
using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>The console's live reader events: server-sent events from the real server, fed by the real pcscd.</summary>
[Collection(WebReaderG.Name)]
public sealed class ReaderEventsTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Web[0];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task A_card_inserted_and_removed_is_pushed_to_the_page_decoded_and_identified()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        Pcscd.EnsureRunning();
        using var dir = TempPath.Directory();
        var card = VirtualCards.Create("sim");
        var atr = CardKit.Hex.Format(card.Atr.Span);
        using var list = TempPath.WithText(TestLists.Text + atr + "\n\tCardKit virtual SIM (test list)\n", ".txt");
        await using var server = await WebServerProcess.StartAsync(["--db", Path.Combine(dir.Path, "web.db"), "--list", list.Path]);
        using var client = server.Client();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        async Task<JsonElement> Next(string kind)
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    continue;
                var e = JsonDocument.Parse(line[6..]).RootElement.Clone();
                if (e.GetProperty("kind").GetString() == kind && e.GetProperty("reader").GetString() == Reader.Name)
                    return e;
            }
            throw new InvalidOperationException($"the event stream ended before {kind} on {Reader.Name}");
        }

        await Next("ReaderAdded");
        using (await InsertedCard.InsertAsync(card, Reader, timeout.Token))
        {
            var inserted = await Next("CardInserted");
            Assert.Equal(atr, inserted.GetProperty("atr").GetString());
            Assert.Equal(["CardKit virtual SIM (test list)"], inserted.GetProperty("identified").EnumerateArray().Select(d => d.GetString()));
            Assert.True(inserted.GetProperty("valid").GetBoolean());
        }
        await Next("CardRemoved");
    }
}
