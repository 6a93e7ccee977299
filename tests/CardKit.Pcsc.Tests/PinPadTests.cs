using CardKit.Ccid;
using CardKit.Emulator;
using CardKit.Emulator.FileSystem;
using CardKit.Sim;
using CardKit.Testing;

namespace CardKit.Pcsc.Tests;

/// <summary>PinPad against the in-process virtual pin pad reader: discovery, properties, verify and change end to end.</summary>
public class PinPadTests
{
    [Fact]
    public void Open_finds_the_features_and_properties_of_the_virtual_pin_pad()
    {
        using var reader = new EmulatedChannel(VirtualCards.Create("sim"), pinPad: new SimulatedPinPad(_ => "1234"));
        var pad = PinPad.Open((ICardChannel)reader);
        Assert.True(pad.CanVerify);
        Assert.True(pad.CanModify);
        Assert.Equal(4, pad.Features.Features.Count);
        Assert.Equal((byte?)8, pad.ReadProperties()!.MaxPinSize);
        Assert.Equal(PinEntryConditions.ValidationKey, pad.ReadPinProperties()!.Value.EntryValidationCondition);
        Assert.Contains("emu:sim", pad.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    public void A_pin_typed_on_the_pad_verifies_and_changes_chv1(string kind)
    {
        var keys = new Queue<string>(["1234", "1234", "7777", "7777"]);
        using var reader = new EmulatedChannel(VirtualCards.Create(kind), pinPad: new SimulatedPinPad(_ => keys.Dequeue()));
        var pad = PinPad.Open((ICardChannel)reader);
        var sim = SimSession.Open(reader);
        Assert.Equal(PinOutcome.Verified, SimPinOperations.VerifyChv1(sim, pad, PinFormat.AsciiPadded));
        Assert.Equal(PinOutcome.Changed, SimPinOperations.ChangeChv1(sim, pad, PinFormat.AsciiPadded));
        Assert.Equal("7777", ((FileSystemCard)reader.Card).Pin1.Value);
        Assert.Empty(keys);
    }

    [Fact]
    public void A_wrong_pin_on_the_pad_reports_the_attempts_left()
    {
        using var reader = new EmulatedChannel(VirtualCards.Create("usim"), pinPad: new SimulatedPinPad(_ => "0000"));
        var sim = SimSession.Open(reader);
        var e = Assert.Throws<WrongPinException>(() => SimPinOperations.VerifyChv1(sim, PinPad.Open((ICardChannel)reader), PinFormat.AsciiPadded));
        Assert.Contains("2 attempt(s) left", e.Message, StringComparison.Ordinal);
        Assert.Equal(0x63C2, e.StatusWord.Value);
    }

    [Fact]
    public void A_reader_without_pin_pad_features_is_refused_as_an_environment_problem()
    {
        using var reader = new EmulatedChannel(VirtualCards.Create("sim"));
        Assert.Empty(PinPad.ReadFeatures(reader).Features);
        var e = Assert.Throws<PinPadUnavailableException>(() => PinPad.Open((ICardChannel)reader));
        Assert.Equal(ErrorCategory.Environment, e.Category);
        Assert.Equal("emu:sim", e.ReaderName);
        Assert.Contains("no feature at all", e.Message, StringComparison.Ordinal);

        using var traced = new TracingChannel(reader, new TextTraceObserver(TextWriter.Null), ownsInner: false);
        Assert.Contains("carries no reader control", Assert.Throws<PinPadUnavailableException>(() => PinPad.Open(traced)).Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// The real pcscd with vpcd: vpcd has no pin pad, and it cannot carry SCardControl to a virtual card (its
/// protocol has no message for it), so the pin pad path can only be tested in process.
/// </summary>
[Collection("Reader B")]
public class PinPadPcscTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Pcsc[0];

    [Fact(Timeout = 30_000)]
    public async Task A_vpcd_reader_lists_no_pin_pad_feature()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var card = PcscCard.Open(Reader.Name);
        Assert.Equal(OperatingSystem.IsWindows() ? 0x313520u : 0x42000D48u, card.FeatureRequestControlCode);
        Assert.Empty(PinPad.ReadFeatures(card).Features);
        var e = Assert.Throws<PinPadUnavailableException>(() => PinPad.Open((ICardChannel)card));
        Assert.Equal(Reader.Name, e.ReaderName);
    }
}
