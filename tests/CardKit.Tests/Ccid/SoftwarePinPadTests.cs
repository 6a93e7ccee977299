using CardKit.Ccid;

namespace CardKit.Tests.Ccid;

public class SoftwarePinPadTests
{
    /// <summary>Below the ICardChannel seam: records what would reach the card and answers 90 00.</summary>
    private sealed class RecordingCard : ICardChannel
    {
        public List<string> Sent { get; } = [];
        public string ReaderName => "recording";
        public ReadOnlyMemory<byte> Atr => new byte[] { 0x3B, 0x00 };
        public CardProtocol Protocol => CardProtocol.T1;

        public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
        {
            Sent.Add(Hex.Format(command));
            response[0] = 0x90;
            response[1] = 0x00;
            return 2;
        }

        public void Reset()
        {
        }

        public void Dispose()
        {
        }
    }

    private static readonly byte[] VerifyTemplate = PinFormat.AsciiPadded.BuildTemplate(0x00, 0x20, 0x00, 0x01);
    private static readonly byte[] ChangeTemplate = PinFormat.AsciiPadded.BuildTemplate(0x00, 0x24, 0x00, 0x01, pins: 2);

    private static Func<PinPadPrompt, string?> Keys(params (PinPadPrompt Prompt, string? Pin)[] answers)
    {
        var queue = new Queue<(PinPadPrompt, string?)>(answers);
        return prompt =>
        {
            var (expected, pin) = queue.Dequeue();
            Assert.Equal(expected, prompt);
            return pin;
        };
    }

    [Fact]
    public void Verify_writes_the_typed_pin_into_the_template_and_sends_it()
    {
        var card = new RecordingCard();
        var pad = new SoftwarePinPad(card, Keys((PinPadPrompt.EnterPin, "1234")));
        var response = pad.Verify(PinFormat.AsciiPadded.BuildVerify(VerifyTemplate));
        Assert.True(response.StatusWord.IsSuccess);
        Assert.Equal(["00 20 00 01 08 31 32 33 34 FF FF FF FF"], card.Sent);
    }

    [Fact]
    public void Modify_asks_for_the_current_pin_the_new_one_and_its_confirmation()
    {
        var card = new RecordingCard();
        var pad = new SoftwarePinPad(card, Keys((PinPadPrompt.EnterPin, "1234"), (PinPadPrompt.EnterNewPin, "98765"), (PinPadPrompt.ConfirmNewPin, "98765")));
        var response = pad.Modify(PinFormat.AsciiPadded.BuildModify(ChangeTemplate, 0, 8));
        Assert.True(response.StatusWord.IsSuccess);
        Assert.Equal(["00 24 00 01 10 31 32 33 34 FF FF FF FF 39 38 37 36 35 FF FF FF"], card.Sent);
    }

    [Theory]
    [InlineData(null, null, 0x6401)]       // cancelled at the first prompt
    [InlineData("1234", "5679", 0x6402)]   // confirmation differs
    [InlineData("123", "123", 0x6403)]     // too short
    [InlineData("123456789", "123456789", 0x6403)] // too long
    public void A_failed_entry_answers_the_pin_pad_status_and_sends_nothing(string? next, string? again, int sw)
    {
        var card = new RecordingCard();
        var answers = new List<(PinPadPrompt, string?)> { (PinPadPrompt.EnterPin, "1234"), (PinPadPrompt.EnterNewPin, next) };
        if (next is not null)
            answers.Add((PinPadPrompt.ConfirmNewPin, again));
        var pad = new SoftwarePinPad(card, Keys([.. answers]));
        var response = pad.Modify(PinFormat.AsciiPadded.BuildModify(ChangeTemplate, 0, 8));
        Assert.Equal(sw, response.StatusWord.Value);
        Assert.NotNull(PinPadStatus.Describe(response.StatusWord));
        Assert.Empty(card.Sent);
    }

    [Fact]
    public void A_timeout_of_the_key_source_is_the_timeout_status()
    {
        var card = new RecordingCard();
        var pad = new SoftwarePinPad(card, _ => throw new TimeoutException());
        Assert.Equal(PinPadStatus.Timeout, pad.Verify(PinFormat.AsciiPadded.BuildVerify(VerifyTemplate)).StatusWord);
        Assert.Empty(card.Sent);
    }

    [Fact]
    public void Letters_from_a_numeric_keypad_are_refused_before_anything_is_sent()
    {
        var card = new RecordingCard();
        var pad = new SoftwarePinPad(card, _ => "12a4");
        Assert.Throws<ArgumentException>(() => pad.Verify(PinFormat.AsciiPadded.BuildVerify(VerifyTemplate)));
        Assert.Empty(card.Sent);
        Assert.Null(PinPadStatus.Describe(new CardKit.Iso7816.StatusWord(0x9000)));
    }
}
