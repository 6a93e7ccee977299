using CardKit.Capture;
using CardKit.Pcsc;
using CardKit.Testing;
using CardKit.Testing.Captures;

namespace CardKit.Emulator.Tests;

/// <summary>A recorded session played back as a card: in process and through the real pcscd.</summary>
public class ReplayTests
{
    internal static RecordedSession CaptureSession(string device = "1.5")
    {
        using var stream = new MemoryStream();
        CcidTestCaptures.Standard(stream);
        stream.Position = 0;
        return RecordedSession.Load(stream, device);
    }

    [Fact]
    public void A_capture_replays_in_process_and_the_first_differing_command_is_reported()
    {
        var session = CaptureSession();
        Assert.Equal(CcidTestCaptures.UiccAtr, session.Atr);
        Assert.Equal(9, session.Exchanges.Count);
        var card = new ReplayCard(session);
        ReplayDifference? reported = null;
        card.Diverged += d => reported = d;
        using var channel = new EmulatedChannel(card);
        Assert.Equal(CcidTestCaptures.UiccAtr, channel.Atr.ToArray());
        var response = new byte[ICardChannel.MaxExtendedResponse];
        foreach (var exchange in session.Exchanges.Take(5))
        {
            var length = channel.Transmit(exchange.Command, response);
            Assert.Equal(exchange.Response, response[..length]);
        }
        Assert.Null(card.FirstDifference);
        var wrong = Hex.Parse("00 B0 00 00 02");
        var answer = channel.Transmit(wrong, response);
        Assert.Equal([0x6F, 0x00], response[..answer]);
        Assert.Equal(6, reported!.Index);
        Assert.Equal("00 B0 00 00 02", reported.Actual);
        Assert.Equal(session.Exchanges[5].CommandText(), reported.Expected);
        Assert.Equal(session.Exchanges[5].Frame, reported.RecordedFrame);
        Assert.Contains("command 6 differs from the recording", reported.ToString(), StringComparison.Ordinal);
        // The replay goes on with the recording.
        var next = channel.Transmit(session.Exchanges[5].Command, response);
        Assert.Equal(session.Exchanges[5].Response, response[..next]);
    }

    [Fact]
    public void A_T1_capture_replays_the_APDUs_reassembled_from_blocks()
    {
        var session = CaptureSession("1.7");
        Assert.Equal(CcidTestCaptures.T1Atr, session.Atr);
        Assert.Equal(["00A4040006D2760001240100", "00CA006E00", "002000810631323334353 6".Replace(" ", "", StringComparison.Ordinal)],
            session.Exchanges.Select(e => Hex.Format(e.Command, '\0')));
        Assert.Equal(CardProtocol.T1, new ReplayCard(session).Protocol);
    }

    [Fact]
    public void A_JSON_trace_with_a_masked_PIN_replays_and_the_PIN_matches_any_value()
    {
        var writer = new StringWriter();
        using (var traced = new TracingChannel(new EmulatedChannel(VirtualCards.Create("usim")), new JsonTraceObserver(writer)))
        {
            var session = new CardSession(traced);
            session.Transmit(Iso7816.CommandApdu.Parse("00 A4 04 04 07 A0 00 00 00 87 10 02"));
            session.Transmit(Iso7816.CommandApdu.Parse("00 20 00 01 08 31 32 33 34 FF FF FF FF"));
        }
        var log = writer.ToString();
        Assert.DoesNotContain("31323334", log, StringComparison.Ordinal);
        var recorded = RecordedSession.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(log)));
        Assert.Equal(3, recorded.Exchanges.Count);
        var card = new ReplayCard(recorded);
        using var channel = new EmulatedChannel(card);
        var response = new byte[ICardChannel.MaxShortResponse];
        foreach (var e in recorded.Exchanges.Take(2))
            Assert.Equal(e.Response, response[..channel.Transmit(e.Command, response)]);
        var other = channel.Transmit(Hex.Parse("00 20 00 01 08 39 39 39 39 FF FF FF FF"), response);
        Assert.Equal(recorded.Exchanges[2].Response, response[..other]);
        Assert.Null(card.FirstDifference);
    }

    [Fact]
    public void A_recording_without_exchanges_is_refused()
    {
        var e = Assert.Throws<CardKitFormatException>(() => RecordedSession.Load(new MemoryStream("{\"message\":\"connect\",\"atr\":\"3B00\"}\n"u8.ToArray())));
        Assert.Contains("no APDU exchange", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>The replay card in vpcd: a PC/SC client through the real pcscd gets the recorded answers.</summary>
[Collection("Reader C")]
public class ReplayThroughPcscdTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_capture_replays_through_pcscd_and_reports_the_first_differing_command()
    {
        var session = ReplayTests.CaptureSession();
        var card = new ReplayCard(session);
        using var inserted = await InsertedCard.InsertAsync(card, VirtualReaders.Emulator[1], TestContext.Current.CancellationToken);
        using var channel = PcscCard.Open(VirtualReaders.Emulator[1].Name);
        Assert.Equal(CcidTestCaptures.UiccAtr, channel.Atr.ToArray());
        var response = new byte[ICardChannel.MaxExtendedResponse];
        // The first four exchanges are short APDUs; the fifth is the extended UPDATE BINARY.
        foreach (var exchange in session.Exchanges.Take(4))
        {
            var length = channel.Transmit(exchange.Command, response);
            Assert.Equal(exchange.Response, response[..length]);
        }
        Assert.Null(card.FirstDifference);
        channel.Transmit(Hex.Parse("00 A4 00 0C 02 3F 00"), response);
        Assert.NotNull(card.FirstDifference);
        Assert.Equal("00 A4 00 0C 02 3F 00", card.FirstDifference!.Actual);
    }
}
