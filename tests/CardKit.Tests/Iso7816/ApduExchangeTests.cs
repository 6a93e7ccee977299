using System.Text.Json;
using CardKit.Iso7816;

namespace CardKit.Tests.Iso7816;

public class ApduExchangeTests
{
    [Fact]
    public void An_exchange_masks_the_PIN_and_explains_the_status_word_for_its_command()
    {
        var exchange = ApduExchange.Of(Hex.Parse("00 20 00 01 04 31 32 33 34"), ResponseApdu.Parse(Hex.Parse("63 C2")));
        Assert.Equal("00 20 00 01 04 ** ** ** **", exchange.Command);
        Assert.Equal("", exchange.Data);
        Assert.Equal("63 C2", exchange.Sw);
        Assert.Equal(StatusWordOutcome.Error, exchange.Outcome);
        Assert.Equal("63 C2: verification failed, 2 retries left", exchange.FormatResponse());
    }

    [Fact]
    public void The_response_line_puts_the_data_before_the_status_word()
    {
        var exchange = ApduExchange.Of(Hex.Parse("00 B0 00 00 02"), ResponseApdu.Parse(Hex.Parse("CA FE 90 00")));
        Assert.Equal("CA FE 90 00: success", exchange.FormatResponse());
        Assert.Equal(StatusWordOutcome.Normal, exchange.Outcome);
    }

    [Fact]
    public void The_JSON_is_command_data_sw_meaning()
    {
        List<ApduExchange> exchanges = [ApduExchange.Of(Hex.Parse("00 B0 00 00 02"), ResponseApdu.Parse(Hex.Parse("CA FE 90 00")))];
        var root = JsonDocument.Parse(JsonSerializer.Serialize(exchanges, CardKitJsonContext.Default.ListApduExchange)).RootElement;
        var item = Assert.Single(root.EnumerateArray());
        Assert.Equal(["command", "data", "sw", "meaning"], item.EnumerateObject().Select(p => p.Name));
        Assert.All(item.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("CA FE", item.GetProperty("data").GetString());
    }

    [Fact]
    public void Each_text_is_one_APDU_and_a_bad_one_is_named()
    {
        var apdus = CommandApdu.ParseEach(["00 A4 00 0C 02 3F 00", "00B0000000"]);
        Assert.Equal(["00 A4 00 0C 02 3F 00", "00 B0 00 00 00"], apdus.Select(a => Hex.Format(a)));
        var e = Assert.Throws<CardKitFormatException>(() => CommandApdu.ParseEach(["00 A4 00 0C 02 3F 00", "00 A4 00 0C 05 3F 00"]));
        Assert.StartsWith("APDU 2 (\"00 A4 00 0C 05 3F 00\"): ", e.Message, StringComparison.Ordinal);
        Assert.IsType<CardKitFormatException>(e.InnerException);
        Assert.Throws<CardKitFormatException>(() => CommandApdu.ParseEach(["zz"]));
    }
}
