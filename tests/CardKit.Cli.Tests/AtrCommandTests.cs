using System.Text.Json;
using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

public class AtrCommandTests
{
    private const string Mifare1K = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";

    [Fact]
    public void Atr_explains_every_byte_and_identifies_the_card()
    {
        var (exitCode, stdout, _) = CliRunner.Run(["atr", .. Mifare1K.Split(' ')]);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("TD2: T=1 (half-duplex blocks)", stdout, StringComparison.Ordinal);
        Assert.Contains("Card name: MIFARE Classic 1K", stdout, StringComparison.Ordinal);
        Assert.Contains("TCK: check byte, correct", stdout, StringComparison.Ordinal);
        Assert.Contains("MIFARE Classic 1K (as per PCSC std part3)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_defective_ATR_is_decoded_with_its_defects_and_exits_1()
    {
        var (exitCode, stdout, _) = CliRunner.Run("atr", "3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("! byte 17: TCK is B6, expected B7", stdout, StringComparison.Ordinal);
        Assert.Contains("NXP JCOP v2.4.x", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ATR_gets_the_submission_link()
    {
        var (_, stdout, _) = CliRunner.Run("atr", "3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00");
        Assert.Contains("Please submit it: https://smartcard-atr.apdu.fr/parse?ATR=3B0F8031C067436172644B697473400100", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3B 0G")]
    [InlineData("xyz")]
    public void Text_that_is_not_hex_is_a_usage_error(string atr)
    {
        var (exitCode, _, stderr) = CliRunner.Run("atr", atr);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("not an ATR", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Atr_json_has_the_documented_shape()
    {
        var (exitCode, stdout, _) = CliRunner.Run("atr", "--json", "3B 80 81 11 00 10");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["atr", "valid", "convention", "protocols", "bytes", "defects", "matches"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("direct", root.GetProperty("convention").GetString());
        Assert.Equal(["offset", "bytes", "field", "meaning", "depth"], root.GetProperty("bytes")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("3B 80 81 11 00 10", root.GetProperty("atr").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal([1], root.GetProperty("protocols").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains(root.GetProperty("bytes").EnumerateArray(), b => b.GetProperty("field").GetString() == "TA3");
        var defect = Assert.Single(root.GetProperty("defects").EnumerateArray());
        Assert.Equal(["kind", "offset", "message"], defect.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RfuValue", defect.GetProperty("kind").GetString());
        Assert.Equal(4, defect.GetProperty("offset").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("matches").ValueKind);
    }

    [Fact]
    public void Batch_writes_one_JSON_line_per_ATR_and_flags_bad_lines()
    {
        using var batch = TempPath.WithText($"{Mifare1K}\n\n# comment\n3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6\nnot hex\n", ".txt");
        var (exitCode, stdout, stderr) = CliRunner.Run("atr", "--batch", batch.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.DoesNotContain("%", stderr, StringComparison.Ordinal); // no progress bar when stderr is not a terminal
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(["atr", "valid", "convention", "protocols", "defects", "matches"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.True(lines[0].GetProperty("valid").GetBoolean());
        Assert.Contains(lines[0].GetProperty("matches").EnumerateArray(), m => m.GetProperty("pattern").GetString() == Mifare1K);
        Assert.Equal(["pattern", "descriptions"], lines[0].GetProperty("matches")[0].EnumerateObject().Select(p => p.Name));
        var defect = lines[1].GetProperty("defects")[0];
        Assert.Equal(["kind", "offset", "message", "expected"], defect.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TckWrong", defect.GetProperty("kind").GetString());
        Assert.Equal("B7", defect.GetProperty("expected").GetString());
        Assert.Equal(["input", "line", "error"], lines[2].EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, lines[2].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Stats_over_the_installed_list_and_an_SVG_chart()
    {
        using var svg = TempPath.File(".svg");
        var (exitCode, stdout, _) = CliRunner.Run("atr", "stats", "--field", "TA3", "--svg", svg.Path);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"^\d{4} ATRs, \d+ with defects", stdout);
        Assert.Contains("TA3       absent ", stdout, StringComparison.Ordinal);
        Assert.Contains("FE ", stdout, StringComparison.Ordinal);
        var chart = File.ReadAllText(svg.Path);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", chart, StringComparison.Ordinal);
        Assert.Contains("TA3 over", chart, StringComparison.Ordinal);
        Assert.Contains(">absent<", chart, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(chart);
        using var json = JsonDocument.Parse(CliRunner.Run("atr", "stats", "-f", "json").Out);
        Assert.Equal(["atrs", "defective", "TS", "T0", "TA1", "TB1", "TC1", "TD1", "TA2", "TB2", "TC2", "TD2", "TA3", "TB3", "TC3", "TD3", "TCK", "IFSC", "Classes", "Protocols"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("defective").ValueKind);
        Assert.Equal(["absent", "values"], json.RootElement.GetProperty("TA1").EnumerateObject().Select(p => p.Name));
        Assert.True(json.RootElement.GetProperty("atrs").GetInt32() > 3500);
        Assert.True(json.RootElement.GetProperty("IFSC").GetProperty("values").GetProperty("254").GetInt32() > 100);
        using var one = JsonDocument.Parse(CliRunner.Run("atr", "stats", "-f", "json", "--field", "TA3").Out);
        Assert.Equal(["atrs", "defective", "TA3"], one.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("field,value,count,percent", CliRunner.Run("atr", "stats", "-f", "csv").Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("atr", "stats", "--field", "TZ9").ExitCode);
    }
}

[Collection("Reader D")]
public class ScanCommandTests
{
    [Fact(Timeout = 60_000)]
    public async Task Scan_reports_a_card_insertion_with_the_ATR_identified()
    {
        Pcscd.EnsureRunning();
        var reader = VirtualReaders.Cli[1];
        var token = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var (scan, stdout, stderr) = CliRunner.Start(stop.Token, "scan", "--json");
        bool Is(string line, string kind) => line.Contains($"\"event\":\"{kind}\"", StringComparison.Ordinal) && line.Contains(reader.Name, StringComparison.Ordinal);
        // The monitor lists the reader before it watches it: from then on an insertion is seen.
        await stdout.WaitForLineAsync(l => Is(l, "ReaderAdded"), token);
        using (await InsertedCard.InsertAsync(VirtualCards.Create("sim"), reader, token))
            await stdout.WaitForLineAsync(l => Is(l, "CardInserted"), token);
        await stdout.WaitForLineAsync(l => Is(l, "CardRemoved"), token);
        await stop.CancelAsync();
        var exitCode = await scan;
        Assert.True(exitCode == ExitCodes.Ok, stderr.ToString());
        var events = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var added = events.First(e => e.GetProperty("event").GetString() == "ReaderAdded" && e.GetProperty("reader").GetString() == reader.Name);
        Assert.Equal(["time", "event", "reader"], added.EnumerateObject().Select(p => p.Name));
        Assert.True(DateTimeOffset.TryParse(added.GetProperty("time").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var inserted = events.Single(e => e.GetProperty("event").GetString() == "CardInserted" && e.GetProperty("reader").GetString() == reader.Name);
        Assert.Equal(["time", "event", "reader", "atr", "analysis"], inserted.EnumerateObject().Select(p => p.Name));
        Assert.Equal("3B 16 94 71 01 01 05 02 00", inserted.GetProperty("atr").GetString());
        var analysis = inserted.GetProperty("analysis");
        Assert.Equal(["atr", "valid", "convention", "protocols", "bytes", "defects", "matches"], analysis.EnumerateObject().Select(p => p.Name));
        Assert.Contains(analysis.GetProperty("matches").EnumerateArray(),
            m => m.GetProperty("descriptions")[0].GetString()!.Contains("Bouygues", StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "CardRemoved" && e.GetProperty("reader").GetString() == reader.Name);
    }

    [Fact(Timeout = 30_000)]
    public async Task Scan_r_lists_readers_and_c_lists_cards()
    {
        var reader = VirtualReaders.Cli[1];
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), reader, TestContext.Current.CancellationToken);
        var readers = CliRunner.Run("scan", "-r");
        Assert.Contains($": {reader.Name}", readers.Out, StringComparison.Ordinal);
        Assert.Equal(readers.Out, CliRunner.Run("scan", "--readers").Out);
        var cards = CliRunner.Run("scan", "-c", "-n");
        Assert.Contains($"{reader.Name}: card inserted, ATR 3B 9F 95 80 1F C3", cards.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("TCK", cards.Out, StringComparison.Ordinal);
        var analysed = CliRunner.Run("scan", "--cards");
        Assert.Contains("TCK: check byte", analysed.Out, StringComparison.Ordinal);
        var plain = CliRunner.Run("scan", "--cards", "--no-analysis").Out;
        Assert.Contains($"{reader.Name}: card inserted, ATR 3B 9F 95 80 1F C3", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("TCK", plain, StringComparison.Ordinal);
    }
}
