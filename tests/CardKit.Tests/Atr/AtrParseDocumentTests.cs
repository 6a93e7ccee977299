using System.Text.Json;
using CardKit.Atr;

namespace CardKit.Tests.Atr;

public class AtrParseDocumentTests
{
    private static JsonElement Json(string atr) =>
        JsonDocument.Parse(JsonSerializer.Serialize(AtrParseDocument.From(AtrParser.Parse(atr)), CardKitJsonContext.Default.AtrParseDocument)).RootElement;

    [Fact]
    public void Interface_bytes_are_objects_keyed_by_their_index()
    {
        var json = Json("3B FA 13 00 FF 81 31 80 45 00 31 C1 73 C0 01 00 00 90 00 B1");
        // T0 = FA: TA1 TB1 TC1 TD1; TD1 = 81: TD2; TD2 = 31: TA3 TB3 (T=1).
        Assert.Equal(["1", "3"], json.GetProperty("TA").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["1", "3"], json.GetProperty("TB").EnumerateObject().Select(p => p.Name));
        Assert.Contains("IFSC", json.GetProperty("TA").GetProperty("3").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0x13, json.GetProperty("TA").GetProperty("1").GetProperty("value").GetInt32());
        Assert.StartsWith("Fi=372, Di=4", json.GetProperty("TA").GetProperty("1").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["1", "2"], json.GetProperty("TD").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["1"], json.GetProperty("TC").EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, json.GetProperty("hbn").GetInt32());
        Assert.Equal(0xB1, json.GetProperty("TCK").GetProperty("value").GetInt32());
        Assert.Equal("correct checksum", json.GetProperty("TCK").GetProperty("description").GetString());
    }

    [Fact]
    public void A_wrong_TCK_names_the_expected_value()
    {
        var document = AtrParseDocument.From(AtrParser.Parse("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6"));
        Assert.Equal(new AtrFieldValue(0xB6, "WRONG CHECKSUM, expected 0xB7"), document.Tck);
        Assert.Null(document.Warning);
    }

    [Theory]
    [InlineData("3B 80", "ATR is truncated", null)]
    [InlineData("3B 8F 80 01 80 4F 0C A0", "ATR is truncated", null)]
    [InlineData("3B 84 80 01 01 11 20 03 36 90 00", "Extra bytes", new[] { 0x90, 0x00 })]
    public void A_defective_ATR_gets_a_warning_and_its_extra_bytes(string atr, string warning, int[]? extra)
    {
        var document = AtrParseDocument.From(AtrParser.Parse(atr));
        Assert.Equal(warning, document.Warning);
        Assert.Equal(extra, document.Extra);
    }

    [Fact]
    public void TS_alone_has_no_T0_and_an_absent_TCK()
    {
        var json = Json("3B");
        Assert.False(json.TryGetProperty("T0", out _));
        Assert.Equal(-1, json.GetProperty("TCK").GetProperty("value").GetInt32());
        Assert.Equal("ATR is truncated", json.GetProperty("warning").GetString());
    }

    [Fact]
    public void Statistics_from_a_list_count_only_the_ATRs_it_names_exactly()
    {
        var list = SmartcardList.Parse(new StringReader("3B 80 01 81\n\tone\n3B 80 01 ..\n\twildcard\n3B 81 80 01 80 80\n\tDESFire\n"));
        var statistics = AtrStatistics.Of(AtrCorpus.FromList(list));
        Assert.Equal(2, statistics.Count);
        Assert.Equal(1, statistics.CountOf("T0", "81"));
        Assert.Equal(2, statistics.CountOf("TS", "3B"));
        Assert.Equal(0, statistics.CountOf("TA1", "96"));
    }
}
