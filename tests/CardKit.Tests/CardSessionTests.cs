using CardKit.Iso7816;

namespace CardKit.Tests;

/// <summary>CardSession's T=0 handling against a scripted channel (a fake below the ICardChannel seam it tests).</summary>
public class CardSessionTests
{
    [Fact]
    public void SW_61xx_is_followed_by_GET_RESPONSE_on_the_same_channel()
    {
        var channel = new ScriptedChannel(("01 A4 04 00 02 A0 00", "61 03"), ("01 C0 00 00 03", "62 01 00 90 00"));
        var response = new CardSession(channel).Transmit(Hex.Parse("01 A4 04 00 02 A0 00"));
        Assert.Equal("62 01 00 90 00", Hex.Format(response.ToArray()));
    }

    [Fact]
    public void SW_6Cxx_resends_with_the_right_Le()
    {
        var channel = new ScriptedChannel(("00 B2 01 04 00", "6C 02"), ("00 B2 01 04 02", "AA BB 90 00"));
        Assert.Equal("AA BB 90 00", Hex.Format(new CardSession(channel).Transmit(Hex.Parse("00 B2 01 04 00")).ToArray()));
    }

    [Fact]
    public void GSM_9Fxx_is_followed_by_GET_RESPONSE_with_class_A0()
    {
        var channel = new ScriptedChannel(("A0 A4 00 00 02 7F 10", "9F 02"), ("A0 C0 00 00 02", "01 02 90 00"));
        Assert.Equal("01 02 90 00", Hex.Format(new CardSession(channel).Transmit(Hex.Parse("A0 A4 00 00 02 7F 10")).ToArray()));
    }

    [Fact]
    public void Chained_61xx_responses_are_concatenated()
    {
        var channel = new ScriptedChannel(("00 CA 00 FF 00", "61 02"), ("00 C0 00 00 02", "01 02 61 01"), ("00 C0 00 00 01", "03 90 00"));
        Assert.Equal("01 02 03 90 00", Hex.Format(new CardSession(channel).Transmit(Hex.Parse("00 CA 00 FF 00")).ToArray()));
    }

    [Fact]
    public void Raw_mode_returns_the_first_answer()
    {
        var channel = new ScriptedChannel(("A0 A4 00 00 02 7F 10", "9F 16"));
        Assert.Equal(new StatusWord(0x9F16), new CardSession(channel, raw: true).Transmit(Hex.Parse("A0 A4 00 00 02 7F 10")).StatusWord);
    }

    [Fact]
    public void A_response_shorter_than_a_status_word_is_a_format_error()
    {
        var channel = new ScriptedChannel(("00 A4 00 00", "90"));
        Assert.Throws<CardKitFormatException>(() => new CardSession(channel).Transmit(Hex.Parse("00 A4 00 00")));
    }
}
