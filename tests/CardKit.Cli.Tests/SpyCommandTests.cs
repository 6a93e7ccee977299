using System.Diagnostics;
using System.Text.Json;
using CardKit.Testing;
using CardKit.Testing.Captures;

namespace CardKit.Cli.Tests;

public class SpyCommandTests
{
    private static TempPath StandardCapture()
    {
        var file = TempPath.File(".pcapng");
        using var stream = File.Create(file.Path);
        CcidTestCaptures.Standard(stream);
        return file;
    }

    [Fact]
    public void Spy_json_has_the_documented_shape()
    {
        using var file = StandardCapture();
        var (exitCode, stdout, stderr) = CliRunner.Run("spy", file.Path, "--format", "json");
        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count > 90, $"{lines.Count} lines");
        foreach (var line in lines)
        {
            Assert.Equal(JsonValueKind.Number, line.GetProperty("frame").ValueKind);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", line.GetProperty("time").GetString());
            Assert.Equal(JsonValueKind.String, line.GetProperty("device").ValueKind);
            Assert.Contains(line.GetProperty("direction").GetString(), new[] { "in", "out", "none" });
            Assert.Equal(JsonValueKind.String, line.GetProperty("message").ValueKind);
        }
        var ccid = lines.Where(l => l.TryGetProperty("type", out var t) && t.GetInt32() != 0x50 && l.GetProperty("direction").GetString() != "none").ToList();
        Assert.All(ccid, l => Assert.Equal(JsonValueKind.Number, l.GetProperty("slot").ValueKind));
        Assert.All(ccid, l => Assert.Equal(JsonValueKind.Number, l.GetProperty("seq").ValueKind));
        Assert.All(ccid, l => Assert.StartsWith(l.GetProperty("direction").GetString() == "out" ? "PC_to_RDR_" : "RDR_to_PC_", l.GetProperty("message").GetString(), StringComparison.Ordinal));

        var apdu = lines.First(l => l.TryGetProperty("apdu", out _)).GetProperty("apdu");
        foreach (var (name, kind) in new[] { ("hex", JsonValueKind.String), ("case", JsonValueKind.Number), ("cla", JsonValueKind.Number), ("ins", JsonValueKind.Number),
            ("name", JsonValueKind.String), ("class", JsonValueKind.String), ("p1p2", JsonValueKind.String), ("lc", JsonValueKind.Number), ("extended", JsonValueKind.False) })
            Assert.Equal(kind, apdu.GetProperty(name).ValueKind);
        var response = lines.First(l => l.TryGetProperty("response", out _));
        Assert.Equal(JsonValueKind.Number, response.GetProperty("request").ValueKind);
        Assert.Equal(JsonValueKind.Number, response.GetProperty("elapsedMs").ValueKind);
        Assert.Equal("611A", response.GetProperty("response").GetProperty("sw").GetString());
        Assert.Equal(JsonValueKind.String, response.GetProperty("response").GetProperty("meaning").ValueKind);
        Assert.Equal(JsonValueKind.String, response.GetProperty("status").GetProperty("icc").ValueKind);
        var atr = lines.First(l => l.TryGetProperty("atr", out _)).GetProperty("atr");
        Assert.Equal(JsonValueKind.String, atr.GetProperty("hex").ValueKind);
        Assert.Equal(JsonValueKind.True, atr.GetProperty("valid").ValueKind);
        Assert.Equal(JsonValueKind.Array, atr.GetProperty("protocols").ValueKind);
        var t1 = lines.First(l => l.TryGetProperty("t1", out _)).GetProperty("t1");
        foreach (var name in new[] { "text", "block", "nad", "pcb", "len", "inf", "edc", "edcOk" })
            Assert.True(t1.TryGetProperty(name, out _), name);
        var error = lines.First(l => l.TryGetProperty("error", out _)).GetProperty("error");
        Assert.Equal("ICC_MUTE", error.GetProperty("name").GetString());
        Assert.Equal(254, error.GetProperty("code").GetInt32());
        var face = lines.First(l => l.TryGetProperty("interface", out _)).GetProperty("interface");
        Assert.Equal("descriptor", face.GetProperty("source").GetString());
        Assert.Equal("extended APDU", face.GetProperty("exchangeLevel").GetString());
        Assert.Equal(2, lines.First(l => l.TryGetProperty("slots", out _)).GetProperty("slots").GetArrayLength());
        Assert.Equal(1, lines.First(l => l.TryGetProperty("parameters", out _) && l.GetProperty("parameters").GetProperty("protocol").GetInt32() == 1)
            .GetProperty("parameters").GetProperty("protocol").GetInt32());
    }

    [Fact]
    public void Spy_text_prints_commands_the_way_trace_does()
    {
        using var file = StandardCapture();
        var (exitCode, stdout, stderr) = CliRunner.Run("spy", file.Path);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("CCID interface (descriptor): extended APDU level", stdout, StringComparison.Ordinal);
        Assert.Contains("1.5 slot 0 seq 4  PC_to_RDR_XfrBlock -> RDR_to_PC_DataBlock", stdout, StringComparison.Ordinal);
        Assert.Contains("    " + TextTraceObserver.CommandLine(Hex.Parse("00 A4 04 04 07 A0 00 00 00 87 10 02")), stdout, StringComparison.Ordinal);
        Assert.Contains("    " + TextTraceObserver.ResponseLine(Hex.Parse("00 A4 04 04 07 A0 00 00 00 87 10 02"), Hex.Parse("61 1A"), null), stdout, StringComparison.Ordinal);
        Assert.Contains("=> 00 20 00 01 08 ** ** ** ** ** ** ** **  VERIFY", stdout, StringComparison.Ordinal);
        Assert.Contains("T=1 S(WTX request) 02", stdout, StringComparison.Ordinal);
        Assert.Contains("note: EDC mismatch", stdout, StringComparison.Ordinal);
        Assert.Contains("PC_to_RDR_GetSlotStatus -> no response", stdout, StringComparison.Ordinal);
        Assert.Contains("-> PIN verify: ", stdout, StringComparison.Ordinal);
        Assert.Contains("template 00200000083030303000000000  VERIFY", stdout, StringComparison.Ordinal);
        Assert.Contains("template 00240000083030303030303030  CHANGE REFERENCE DATA", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Emulate_replay_needs_a_recording_that_has_exchanges()
    {
        var (exitCode, _, stderr) = CliRunner.Run("emulate", "replay");
        Assert.Equal(2, exitCode);
        Assert.Contains("needs the recording", stderr, StringComparison.Ordinal);
        (exitCode, _, stderr) = CliRunner.Run("emulate", "replay", "/nonexistent/session.pcapng");
        Assert.Equal(2, exitCode);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
        using var empty = TempPath.File(".jsonl");
        File.WriteAllText(empty.Path, "{\"message\":\"connect\",\"atr\":\"3B00\"}\n");
        (exitCode, _, stderr) = CliRunner.Run("emulate", "replay", empty.Path);
        Assert.Equal(1, exitCode);
        Assert.Contains("no APDU exchange", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Apdu_only_json_keeps_the_APDU_lines()
    {
        using var file = StandardCapture();
        var (exitCode, stdout, _) = CliRunner.Run("spy", file.Path, "--format", "json", "--apdu-only", "--device", "1.7", "--show-pins");
        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.True(l.TryGetProperty("apdu", out _) || l.TryGetProperty("response", out _)));
        Assert.Contains(lines, l => l.TryGetProperty("apdu", out var a) && a.GetProperty("hex").GetString() == "0020008106313233343536");
    }

    [Fact]
    public void A_truncated_capture_prints_the_intact_part_then_the_error_and_exits_1()
    {
        using var file = StandardCapture();
        var bytes = File.ReadAllBytes(file.Path);
        File.WriteAllBytes(file.Path, bytes[..(bytes.Length * 2 / 3)]);
        var (exitCode, stdout, stderr) = CliRunner.Run("spy", file.Path, "--format", "json");
        Assert.Equal(1, exitCode);
        Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 50);
        Assert.Matches(@"frame \d+, byte offset \d+: input ends inside a block", stderr);
    }

    [Fact]
    public void A_missing_capture_is_a_usage_error()
    {
        var (exitCode, _, stderr) = CliRunner.Run("spy", "/nonexistent/capture.pcapng");
        Assert.Equal(2, exitCode);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }

    /// <summary>`tcpdump -w - | cardkit spy -`: each packet written gives its line before the next packet is written.</summary>
    [Fact(Timeout = 60_000)]
    public async Task Standard_input_is_decoded_as_packets_arrive()
    {
        using var capture = new MemoryStream();
        var writer = new CaptureWriter(capture, CaptureContainer.PcapNg, 220);
        var r = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, 220, 1, 5));
        var marks = new List<long> { capture.Length };
        byte seq = 0;
        for (var i = 0; i < 5; i++)
        {
            r.Send(0x6F, 0, seq, Hex.Parse("00 B0 00 00 04"));
            marks.Add(capture.Length);
            r.Receive(0x80, 0, seq++, Hex.Parse("01 02 03 04 90 00"));
            marks.Add(capture.Length);
        }
        var bytes = capture.ToArray();
        using var process = Process.Start(new ProcessStartInfo(EmulateProcessTests.Binary, ["spy", "-", "--format", "json"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var stdin = process.StandardInput.BaseStream;
            await stdin.WriteAsync(bytes.AsMemory(0, (int)marks[0]), TestContext.Current.CancellationToken);
            for (var k = 1; k < marks.Count; k++)
            {
                // Submission + completion of one message; its JSON line must come before we write more.
                await stdin.WriteAsync(bytes.AsMemory((int)marks[k - 1], (int)(marks[k] - marks[k - 1])), TestContext.Current.CancellationToken);
                await stdin.FlushAsync(TestContext.Current.CancellationToken);
                var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
                if (k == 1)
                {
                    // The first CCID message also announces the interface (recognised from messages: no descriptor here).
                    Assert.Contains("\"heuristic\"", line, StringComparison.Ordinal);
                    line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
                }
                using var json = JsonDocument.Parse(line!);
                Assert.Equal(k % 2 == 1 ? "PC_to_RDR_XfrBlock" : "RDR_to_PC_DataBlock", json.RootElement.GetProperty("message").GetString());
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
