using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Pcsc.Tests;

[Collection("Reader B")]
public class ReaderMonitorTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Pcsc[1];

    [Fact(Timeout = 60_000)]
    public async Task Monitor_reports_the_initial_state_then_insertion_and_removal()
    {
        Pcscd.EnsureRunning();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var events = new ReaderMonitor().WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await Until(events, e => e.Kind == ReaderEventKind.ReaderAdded && e.ReaderName == Reader.Name);

        var card = VirtualCards.Create("iso");
        var inserted = await InsertedCard.InsertAsync(card, Reader, cts.Token);
        var insertedEvent = await Until(events, e => e.Kind == ReaderEventKind.CardInserted && e.ReaderName == Reader.Name);
        Assert.Equal(card.Atr.ToArray(), insertedEvent.Atr);

        inserted.Dispose();
        await Until(events, e => e.Kind == ReaderEventKind.CardRemoved && e.ReaderName == Reader.Name);
        await cts.CancelAsync();
        await events.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task An_exception_in_the_consumer_reaches_the_consumer()
    {
        Pcscd.EnsureRunning();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in new ReaderMonitor().WatchAsync(TestContext.Current.CancellationToken))
                throw new InvalidOperationException("handler failed");
        });
        Assert.Equal("handler failed", e.Message);
    }

    internal static async Task<ReaderEvent> Until(IAsyncEnumerator<ReaderEvent> events, Func<ReaderEvent, bool> match)
    {
        while (await events.MoveNextAsync())
        {
            if (match(events.Current))
                return events.Current;
        }
        throw new InvalidOperationException("the monitor ended before the expected event");
    }
}

/// <summary>Restarts the shared pcscd: runs alone in test.sh's second pass (trait RestartsPcscd).</summary>
[Collection("Reader B")]
[Trait("Category", "RestartsPcscd")]
public class ReaderMonitorRestartTests
{
    [Fact(Timeout = 90_000)]
    public async Task Monitor_survives_a_pcscd_restart_and_sees_the_card_again()
    {
        var reader = VirtualReaders.Pcsc[0];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), reader, cts.Token);
        var events = new ReaderMonitor().WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.CardInserted && e.ReaderName == reader.Name);

        Assert.Null(Pcscd.Control("restart"));

        await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.ServiceLost);
        await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.ServiceRestored);
        // The vpcd client reconnects by itself; the monitor reports the card in the new pcscd.
        var again = await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.CardInserted && e.ReaderName == reader.Name);
        Assert.Equal(inserted.Card.Atr.ToArray(), again.Atr);
        await cts.CancelAsync();
        await events.DisposeAsync();
    }
}
