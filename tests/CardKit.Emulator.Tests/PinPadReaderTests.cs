using CardKit.Ccid;
using CardKit.Emulator.FileSystem;
using CardKit.Sim;

namespace CardKit.Emulator.Tests;

/// <summary>The in-process virtual reader's control channel and its simulated pin pad, driven through PC/SC Part 10 bytes.</summary>
public class PinPadReaderTests
{
    private static (EmulatedChannel Reader, Queue<string?> Keys) ReaderWithPad(string kind = "sim")
    {
        var keys = new Queue<string?>();
        var reader = new EmulatedChannel(VirtualCards.Create(kind), pinPad: new SimulatedPinPad(_ => keys.Dequeue()));
        return (reader, keys);
    }

    private static byte[] Control(EmulatedChannel reader, uint code, ReadOnlySpan<byte> input = default)
    {
        var output = new byte[300];
        return output.AsSpan(0, reader.Control(code, input, output)).ToArray();
    }

    [Fact]
    public void A_reader_without_a_pin_pad_lists_no_feature_and_refuses_other_codes()
    {
        using var reader = new EmulatedChannel(VirtualCards.Create("sim"));
        Assert.Empty(Control(reader, reader.FeatureRequestControlCode));
        Assert.Equal(0x42000D48u, reader.FeatureRequestControlCode);
        var e = Assert.Throws<CardChannelException>(() => Control(reader, 0x42330006));
        Assert.Contains("42330006", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pin_pad_lists_its_features_and_answers_its_properties()
    {
        var (reader, _) = ReaderWithPad();
        using (reader)
        {
            var features = Part10FeatureList.Parse(Control(reader, reader.FeatureRequestControlCode));
            Assert.True(features.TryGetControlCode(Part10Feature.VerifyPinDirect, out var verify));
            Assert.Equal(0x42330006u, verify);
            Assert.True(features.TryGetControlCode(Part10Feature.GetTlvProperties, out var tlv));
            var properties = Part10Properties.Parse(Control(reader, tlv));
            Assert.Equal(((byte?)4, (byte?)8), (properties.MinPinSize, properties.MaxPinSize));
            Assert.Equal("CardKit virtual pin pad", properties.FirmwareId);
            Assert.True(features.TryGetControlCode(Part10Feature.IfdPinProperties, out var pin));
            var pinProperties = PinProperties.Parse(Control(reader, pin));
            Assert.Equal((2, 16), (pinProperties.LcdLines, pinProperties.LcdCharactersPerLine));
        }
    }

    [Fact]
    public void Verify_pin_direct_takes_the_pin_from_the_keypad_and_the_card_checks_it()
    {
        var (reader, keys) = ReaderWithPad();
        using (reader)
        {
            var card = (FileSystemCard)reader.Card;
            var structure = PinFormat.AsciiPadded.BuildVerify(PinFormat.AsciiPadded.BuildTemplate(0xA0, 0x20, 0x00, 0x01)).EncodePart10();
            keys.Enqueue("9999");
            Assert.Equal("98 04", Hex.Format(Control(reader, 0x42330006, structure)));
            Assert.Equal(2, card.Pin1.RemainingTries);
            keys.Enqueue("1234");
            Assert.Equal("90 00", Hex.Format(Control(reader, 0x42330006, structure)));
            Assert.True(card.Pin1.Verified);
            keys.Enqueue(null);
            Assert.Equal("64 01", Hex.Format(Control(reader, 0x42330006, structure)));
        }
    }

    [Fact]
    public void Modify_pin_direct_changes_the_pin_on_the_card()
    {
        var (reader, keys) = ReaderWithPad("usim");
        using (reader)
        {
            var template = PinFormat.AsciiPadded.BuildTemplate(0x00, 0x24, 0x00, 0x01, pins: 2);
            var structure = PinFormat.AsciiPadded.BuildModify(template, 0, 8).EncodePart10();
            foreach (var key in new[] { "1234", "24680", "24680" })
                keys.Enqueue(key);
            Assert.Equal("90 00", Hex.Format(Control(reader, 0x42330007, structure)));
            Assert.Equal("24680", ((FileSystemCard)reader.Card).Pin1.Value);
        }
    }

    [Fact]
    public void A_malformed_structure_is_a_format_error()
    {
        var (reader, _) = ReaderWithPad();
        using (reader)
            Assert.Equal(15, Assert.Throws<CardKitFormatException>(() => Control(reader, 0x42330006, Hex.Parse("00 00 82 08 00 08 04 02 01 09 04 00 00 00 00 0D 00 00 00 A0 20"))).Offset);
    }

    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    public void Sim_pin_operations_verify_and_change_through_a_software_pin_pad(string kind)
    {
        using var channel = new EmulatedChannel(VirtualCards.Create(kind));
        var sim = SimSession.Open(channel);
        // A UICC tells whether PIN1 is verified (VERIFY without data, TS 102 221 §11.1.9); a GSM SIM does not,
        // so it is asked again.
        var gsm = kind == "sim";
        var keys = new Queue<string?>(gsm ? ["1234", "1234", "1234", "4321", "4321"] : ["1234", "1234", "4321", "4321"]);
        var entry = new SoftwarePinPad(channel, _ => keys.Dequeue());
        Assert.Equal(PinOutcome.Verified, SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded));
        Assert.Equal(gsm ? PinOutcome.Verified : PinOutcome.AlreadyVerified, SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded));
        Assert.Equal(PinOutcome.Changed, SimPinOperations.ChangeChv1(sim, entry, PinFormat.AsciiPadded));
        Assert.Equal("4321", ((FileSystemCard)channel.Card).Pin1.Value);
        Assert.Empty(keys);
    }

    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    public void Sim_pin_operations_count_a_wrong_pin_and_do_not_spend_the_last_attempt(string kind)
    {
        using var channel = new EmulatedChannel(VirtualCards.Create(kind));
        var card = (FileSystemCard)channel.Card;
        var sim = SimSession.Open(channel);
        var asked = 0;
        var entry = new SoftwarePinPad(channel, _ =>
        {
            asked++;
            return "9999";
        });
        Assert.Contains("2 attempt(s) left", Assert.Throws<WrongPinException>(() => SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded)).Message, StringComparison.Ordinal);
        Assert.Contains("1 attempt(s) left", Assert.Throws<WrongPinException>(() => SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded)).Message, StringComparison.Ordinal);
        var refused = Assert.Throws<PinRefusedException>(() => SimPinOperations.ChangeChv1(sim, entry, PinFormat.AsciiPadded));
        Assert.Equal(PinRefusal.LastAttempt, refused.Reason);
        Assert.Contains("Not trying it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, asked); // the keypad was not even asked the third time
        Assert.Equal(1, card.Pin1.RemainingTries);
        Assert.Equal(0, Assert.Throws<WrongPinException>(() => SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded, force: true)).RemainingAttempts);
        Assert.True(card.Pin1.Blocked);
        Assert.Equal(PinRefusal.Blocked, Assert.Throws<PinRefusedException>(() => SimPinOperations.VerifyChv1(sim, entry, PinFormat.AsciiPadded, force: true)).Reason);
        Assert.Equal(3, asked); // a blocked PIN is not even asked for
    }

    [Fact]
    public void A_cancelled_entry_spends_no_attempt_and_a_disabled_pin_needs_none()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("sim"));
        var card = (FileSystemCard)channel.Card;
        var sim = SimSession.Open(channel);
        var e = Assert.Throws<CardStatusException>(() => SimPinOperations.VerifyChv1(sim, new SoftwarePinPad(channel, _ => null), PinFormat.AsciiPadded));
        Assert.Contains("cancelled", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, card.Pin1.RemainingTries);
        card.Pin1.Enabled = false;
        Assert.Equal(PinOutcome.NotNeeded, SimPinOperations.VerifyChv1(sim, new SoftwarePinPad(channel, _ => throw new InvalidOperationException("not asked")), PinFormat.AsciiPadded));
        Assert.Throws<CardStatusException>(() => SimPinOperations.ChangeChv1(sim, new SoftwarePinPad(channel, _ => "1234"), PinFormat.AsciiPadded));
    }
}
