using System.Text.Json;
using CardKit.Atr;

namespace CardKit.Tests.Atr;

public class AtrReportTests
{
    private const string Mifare1K = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
    private const string JcopWrongTck = "3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6";

    private static readonly SmartcardList List = SmartcardList.Parse(
        $"# test list\n{Mifare1K}\n\tMIFARE Classic 1K\n\tas per PC/SC part 3\n\n3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 ..\n\tNXP JCOP\n", "test-list");

    private static JsonElement Json(AtrReport report) =>
        JsonDocument.Parse(JsonSerializer.Serialize(report, CardKitJsonContext.Default.AtrReport)).RootElement;

    [Fact]
    public void The_JSON_has_the_documented_fields_and_types()
    {
        var root = Json(AtrReport.Create(AtrParser.Parse(JcopWrongTck), List));
        Assert.Equal(["atr", "valid", "convention", "protocols", "bytes", "defects", "matches"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JcopWrongTck, root.GetProperty("atr").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("direct", root.GetProperty("convention").GetString());
        Assert.Equal([1], root.GetProperty("protocols").EnumerateArray().Select(p => p.GetInt32()));
        var line = root.GetProperty("bytes")[0];
        Assert.Equal(["offset", "bytes", "field", "meaning", "depth"], line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, line.GetProperty("offset").ValueKind);
        Assert.Equal(JsonValueKind.Number, line.GetProperty("depth").ValueKind);
        var defect = Assert.Single(root.GetProperty("defects").EnumerateArray());
        Assert.Equal(["kind", "offset", "message", "expected"], defect.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TckWrong", defect.GetProperty("kind").GetString());
        Assert.Equal(17, defect.GetProperty("offset").GetInt32());
        Assert.Equal("B7", defect.GetProperty("expected").GetString());
        var match = Assert.Single(root.GetProperty("matches").EnumerateArray());
        Assert.Equal(["pattern", "descriptions"], match.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["NXP JCOP"], match.GetProperty("descriptions").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void The_batch_form_leaves_out_the_bytes_and_no_list_leaves_out_the_matches()
    {
        var root = Json(AtrReport.Create(AtrParser.Parse("3F 00"), (SmartcardList?)null, explain: false));
        Assert.Equal(["atr", "valid", "convention", "protocols", "defects"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("inverse", root.GetProperty("convention").GetString());
        Assert.Empty(root.GetProperty("defects").EnumerateArray());
    }

    [Fact]
    public void A_defect_without_an_expected_value_has_no_expected_field()
    {
        var root = Json(AtrReport.Create(AtrParser.Parse("3B 80 81 11 00 10"), Array.Empty<AtrListEntry>()));
        var defect = Assert.Single(root.GetProperty("defects").EnumerateArray());
        Assert.False(defect.TryGetProperty("expected", out _));
        Assert.Empty(root.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public void A_raw_inverse_capture_is_a_note_not_a_defect()
    {
        var report = AtrReport.Create(AtrParser.Parse("03 FF"), (SmartcardList?)null);
        var note = Assert.Single(report.Defects);
        Assert.False(note.IsError);
        Assert.Equal(AtrDefectKind.ConvertedFromRawInverse, note.Kind);
    }

    [Fact]
    public void The_text_report_explains_every_byte_and_names_the_card()
    {
        var text = new StringWriter();
        AtrTextReport.Write(text, AtrReport.Create(AtrParser.Parse(Mifare1K), List), new AtrTextOptions { ListSource = "test-list" });
        var lines = text.ToString().Split('\n');
        Assert.Equal($"ATR: {Mifare1K}", lines[0]);
        Assert.Contains(lines, l => l.EndsWith("TCK: check byte, correct", StringComparison.Ordinal));
        Assert.Contains("Possibly identified card (test-list):", lines);
        Assert.Contains("    MIFARE Classic 1K", lines);
        Assert.DoesNotContain('\u001b', text.ToString());
    }

    [Fact]
    public void The_text_report_lists_defects_in_colour_when_asked()
    {
        var text = new StringWriter();
        AtrTextReport.Write(text, AtrReport.Create(AtrParser.Parse(JcopWrongTck), (SmartcardList?)null), new AtrTextOptions { Color = true, Indent = "    " });
        Assert.Contains("    \u001b[31m\u001b[1mDefects (1):\u001b[0m", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("! byte 17: TCK is B6, expected B7", text.ToString(), StringComparison.Ordinal);
        Assert.All(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("    ", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "https://smartcard-atr.apdu.fr/parse?ATR=3B0F8031C067436172644B697473400100")]
    [InlineData("https://atr.example/submit?atr=", "https://atr.example/submit?atr=3B0F8031C067436172644B697473400100")]
    public void An_unknown_ATR_gets_a_submission_link_under_the_base_the_host_chose(string? baseUrl, string link)
    {
        var text = new StringWriter();
        var report = AtrReport.Create(AtrParser.Parse("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00"), List);
        AtrTextReport.Write(text, report, new AtrTextOptions { ListSource = "test-list", SubmitBaseUrl = baseUrl });
        Assert.Contains($"Not in test-list. Please submit it: {link}", text.ToString(), StringComparison.Ordinal);
    }
}
