using System.Text;

namespace CardKit.Emulator.Tests;

public class CardDataTests
{
    private static CardKitFormatException Fails(string json) =>
        Assert.Throws<CardKitFormatException>(() => CardData.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"kind":"nfc","atr":"3B 00"}""", "$.kind: unknown card kind 'nfc'")]
    [InlineData("""{"kind":"sim"}""", "$.atr: required string missing")]
    [InlineData("""{"kind":"sim","atr":"3B 0G"}""", "$.atr:")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"7F10/6F3A","type":"transparent","data":""}]}""", "$.files[0].path: must start with 3F00")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/XYZ1","type":"df"}]}""", "'XYZ1' is not a 4-digit hex file identifier")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/6F3A","type":"linear","recordLength":2,"recordCount":1,"records":["010203"]}]}""", "record 1 has 3 bytes, record length is 2")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/6F3A","type":"linear","recordLength":0,"recordCount":1}]}""", "recordLength: 1..255 required")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/6F3A","type":"blob"}]}""", "'blob' is not df, adf")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/2FE2","type":"transparent","data":"00","read":"maybe"}]}""", "read: 'maybe' is not always")]
    [InlineData("""{"kind":"sim","atr":"3B 00","files":[{"path":"3F00/2FE2","type":"transparent","data":"00"},{"path":"3F00/2FE2","type":"transparent","data":"00"}]}""", "$.files[1].path: 3F00 already has a file 2FE2")]
    public void Invalid_descriptions_name_the_field(string json, string message) =>
        Assert.Contains(message, Fails(json).Message, StringComparison.Ordinal);

    [Fact]
    public void A_description_builds_a_card_with_its_files()
    {
        var json = """
            { "kind": "iso", "atr": "3B 02 14 50",
              "pin1": { "value": "0000", "unblock": "11111111", "enabled": false },
              "files": [ { "path": "3F00/1000/1001", "type": "transparent", "data": "CA FE", "update": "pin1" } ] }
            """;
        var card = CardData.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        using var channel = new EmulatedChannel(card);
        var session = new CardSession(channel);
        Assert.Equal("CA FE 90 00", session.Transmit(Hex.Parse("00 A4 08 04 04 10 00 10 01")).StatusWord.IsSuccess
            ? Hex.Format(session.Transmit(Hex.Parse("00 B0 00 00 02")).ToArray()) : "select failed");
        // PIN1 disabled: update allowed without VERIFY.
        Assert.True(session.Transmit(Hex.Parse("00 D6 00 00 02 BE EF")).StatusWord.IsSuccess);
    }

    [Fact]
    public void Unknown_kinds_are_rejected_with_the_list()
    {
        var e = Assert.Throws<ArgumentException>(() => VirtualCards.Create("nfc"));
        Assert.Contains("sim, usim, iso", e.Message, StringComparison.Ordinal);
    }
}
