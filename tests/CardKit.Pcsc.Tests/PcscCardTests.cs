using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Pcsc.Tests;

[CollectionDefinition("Reader B", DisableParallelization = true)]
public sealed class ReaderBGroup;

/// <summary>Real pcscd + vpcd + CardKit's virtual SIM in "Virtual PCD B 00 00"; "... B 00 01" stays empty.</summary>
[Collection("Reader B")]
public class PcscCardTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Pcsc[0];
    private static readonly VirtualReader EmptyReader = VirtualReaders.Pcsc[1];
    private static readonly byte[] SelectTelecom = Hex.Parse("A0 A4 00 00 02 7F 10");

    [Fact(Timeout = 30_000)]
    public async Task ListReaders_names_the_vpcd_readers()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var context = PcscContext.Establish();
        var readers = context.ListReaders();
        Assert.Contains(Reader.Name, readers);
        Assert.Contains(EmptyReader.Name, readers);
        var states = context.GetReaderStates();
        Assert.True(states.Single(s => s.Name == Reader.Name).CardPresent);
        Assert.False(states.Single(s => s.Name == EmptyReader.Name).CardPresent);
        Assert.Equal(inserted.Card.Atr.ToArray(), states.Single(s => s.Name == Reader.Name).Atr);
    }

    [Fact(Timeout = 30_000)]
    public async Task Connect_gives_the_cards_ATR_and_T0_and_transmits()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        Assert.Equal(inserted.Card.Atr.ToArray(), card.Atr.ToArray());
        Assert.Equal(CardProtocol.T0, card.Protocol);
        var response = new byte[ICardChannel.MaxShortResponse];
        var length = card.Transmit(SelectTelecom, response);
        Assert.Equal("9F 16", Hex.Format(response.AsSpan(0, length)));
        var session = new CardSession(card);
        Assert.Equal(0x9000, session.Transmit(SelectTelecom).StatusWord.Value);
    }

    [Fact(Timeout = 30_000)]
    public async Task Transmit_allocates_nothing()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        var response = new byte[ICardChannel.MaxShortResponse];
        card.Transmit(SelectTelecom, response);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
            card.Transmit(SelectTelecom, response);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetStatus_reports_reader_state_protocol_and_ATR()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        var status = card.GetStatus();
        Assert.Equal(Reader.Name, status.ReaderName);
        Assert.True(status.State.HasFlag(CardStates.Present));
        Assert.True(status.State.HasFlag(CardStates.Powered), $"state {status.State}");
        Assert.Equal(PcscProtocols.T0, status.Protocol);
        Assert.Equal(inserted.Card.Atr.ToArray(), status.Atr);
        // vpcd implements no SCARD_ATTR_* (only its raw IFD ATR tag): an unsupported attribute fails cleanly.
        Assert.False(card.TryGetAttribute(ReaderAttributes.VendorName, out _, out var error));
        Assert.NotEqual(ScardError.Success, error);
        Assert.Throws<PcscException>(() => card.GetAttribute(ReaderAttributes.VendorName));
    }

    [Fact(Timeout = 30_000)]
    public async Task Reset_clears_the_verified_PIN()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        var session = new CardSession(card);
        session.Transmit(SelectTelecom);
        session.Transmit(Hex.Parse("A0 A4 00 00 02 6F 3A"));
        Assert.Equal(0x9804, session.Transmit(Hex.Parse("A0 B2 01 04 1E")).StatusWord.Value);
        Assert.Equal(0x9000, session.Transmit(Hex.Parse("A0 20 00 01 08 31 32 33 34 FF FF FF FF")).StatusWord.Value);
        Assert.Equal(0x9000, session.Transmit(Hex.Parse("A0 B2 01 04 1E")).StatusWord.Value);
        card.Reset();
        Assert.Equal(inserted.Card.Atr.ToArray(), card.Atr.ToArray());
        session.Transmit(Hex.Parse("A0 A4 00 00 02 7F 10"));
        session.Transmit(Hex.Parse("A0 A4 00 00 02 6F 3A"));
        Assert.Equal(0x9804, session.Transmit(Hex.Parse("A0 B2 01 04 1E")).StatusWord.Value);
    }

    [Fact(Timeout = 30_000)]
    public async Task Transactions_begin_and_end()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        using (card.BeginTransaction())
            Assert.Equal(0x9000, new CardSession(card).Transmit(SelectTelecom).StatusWord.Value);
        using var again = card.BeginTransaction();
        again.End(Disposition.Leave);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_exclusive_connection_makes_others_fail_with_a_busy_reader_explanation()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var owner = PcscCard.Open(Reader.Name, ShareMode.Exclusive);
        var e = Assert.Throws<PcscReaderBusyException>(() => PcscCard.Open(Reader.Name));
        Assert.Equal(ScardError.SharingViolation, e.Error);
        Assert.Contains("scdaemon", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public void Connecting_to_an_empty_reader_says_there_is_no_card()
    {
        Pcscd.EnsureRunning();
        InsertedCard.WaitForState(EmptyReader.Name, present: false, TestContext.Current.CancellationToken);
        var e = Assert.Throws<PcscCardStateException>(() => PcscCard.Open(EmptyReader.Name));
        Assert.Equal(ScardError.NoSmartcard, e.Error);
    }

    [Fact(Timeout = 30_000)]
    public void Connecting_to_an_unknown_reader_says_so()
    {
        Pcscd.EnsureRunning();
        InsertedCard.WaitForState(EmptyReader.Name, present: false, TestContext.Current.CancellationToken);
        var e = Assert.Throws<PcscReaderException>(() => PcscCard.Open("No Such Reader 99"));
        Assert.Equal(ScardError.UnknownReader, e.Error);
    }

    [Fact(Timeout = 30_000)]
    public async Task Removing_the_card_fails_transmit_with_a_card_state_error()
    {
        var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        inserted.Dispose();
        var e = Assert.ThrowsAny<PcscException>(() => card.Transmit(SelectTelecom, new byte[258]));
        Assert.IsType<PcscCardStateException>(e);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancel_from_another_thread_ends_a_blocked_GetStatusChange_without_blocking_other_contexts()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var waiting = PcscContext.Establish();
        var watch = new ReaderWatch(Reader.Name);
        waiting.GetStatusChange([watch], TimeSpan.Zero);
        watch.Acknowledge();
        var blocked = Task.Run(() => waiting.GetStatusChange([watch], PcscContext.Infinite), TestContext.Current.CancellationToken);
        // Another thread with its own context is not held up by the blocked one.
        using (var card = PcscCard.Open(Reader.Name))
            Assert.Equal(2, card.Transmit(SelectTelecom, new byte[258]));
        Assert.False(blocked.IsCompleted, "nothing changed in the reader, yet GetStatusChange returned");
        // SCardCancel ends a call in progress; one that has not begun yet is not affected, so cancel
        // until the call we are waiting for has ended.
        while (!blocked.IsCompleted)
        {
            waiting.Cancel();
            try
            {
                await blocked.WaitAsync(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or PcscException)
            {
                // Still blocked (cancel again), or ended: checked below.
            }
        }
        var e = await Assert.ThrowsAsync<PcscException>(() => blocked);
        Assert.Equal(ScardError.Cancelled, e.Error);
    }
}
