using System.Text.Json;
using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

[CollectionDefinition("Reader D", DisableParallelization = true)]
public sealed class ReaderDGroup;

/// <summary>`cardkit readers/send/script` against CardKit's virtual SIM in pcscd's "Virtual PCD D 00 00".</summary>
[Collection("Reader D")]
public class CardCommandTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Cli[0];

    [Fact(Timeout = 30_000)]
    public async Task Readers_lists_the_card_and_its_ATR()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, _) = CliRunner.Run("readers");
        Assert.Equal(ExitCodes.Ok, exitCode);
        var line = stdout.Split('\n').Single(l => l.Contains(Reader.Name, StringComparison.Ordinal));
        Assert.Contains("card", line, StringComparison.Ordinal);
        Assert.EndsWith("3B 16 94 71 01 01 05 02 00", line.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("emu:sim", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Readers_json_is_machine_readable()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, _) = CliRunner.Run("readers", "--json");
        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["readers", "virtualCards"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var readers = json.RootElement.GetProperty("readers").EnumerateArray().ToList();
        var reader = readers.Single(r => r.GetProperty("name").GetString() == Reader.Name);
        Assert.Equal(["index", "name", "cardPresent", "state", "atr"], reader.EnumerateObject().Select(p => p.Name));
        Assert.Equal(readers.IndexOf(reader), reader.GetProperty("index").GetInt32());
        Assert.True(reader.GetProperty("cardPresent").GetBoolean());
        Assert.Equal("card", reader.GetProperty("state").GetString());
        Assert.Equal(Hex.Format(inserted.Card.Atr.Span), reader.GetProperty("atr").GetString());
        var empty = readers.First(r => !r.GetProperty("cardPresent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("atr").ValueKind);
        Assert.Equal("empty", empty.GetProperty("state").GetString());
        Assert.Contains("emu:usim", json.RootElement.GetProperty("virtualCards").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Send_does_GSM_GET_RESPONSE_and_explains_status_words()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, _) = CliRunner.Run("send", "--reader", Reader.Name, "A0 A4 00 00 02 7F 10", "A0A40000026F3A", "A0 B2 01 04 1E");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("> A0 A4 00 00 02 7F 10", lines[0]);
        Assert.StartsWith("< 00 00 10 00 7F 10 02", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("90 00: success", lines[1], StringComparison.Ordinal);
        Assert.Equal("< 98 04: access condition not fulfilled / wrong CHV, at least one attempt left", lines[5]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Send_raw_shows_the_9F_and_trace_masks_the_PIN()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, stderr) = CliRunner.Run("send", "-r", "PCD D 00 00", "--raw", "--trace", "A0 20 00 01 08 31 32 33 34 FF FF FF FF", "A0 A4 00 00 02 7F 10");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("< 9F 16: 22 bytes of response data available", stdout, StringComparison.Ordinal);
        Assert.Contains("> A0 20 00 01 08 ** ** ** ** ** ** ** **", stdout, StringComparison.Ordinal);
        Assert.Contains("=> A0 20 00 01 08 ** ** ** ** ** ** ** **  VERIFY", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("31 32 33 34", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("<= 9F 16  (", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_repeat_reports_latency_statistics_as_json()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("iso"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, _) = CliRunner.Run("send", "-r", Reader.Name, "--repeat", "200", "--json", "00 A4 04 0C 08 F0 43 61 72 64 4B 69 74");
        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["apdus", "minUs", "medianUs", "p99Us", "maxUs", "meanUs", "apdusPerSecond"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(json.RootElement.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        Assert.Equal(200, json.RootElement.GetProperty("apdus").GetInt32());
        var min = json.RootElement.GetProperty("minUs").GetDouble();
        var median = json.RootElement.GetProperty("medianUs").GetDouble();
        var p99 = json.RootElement.GetProperty("p99Us").GetDouble();
        Assert.True(min > 0 && min <= median && median <= p99, stdout);
        Assert.True(json.RootElement.GetProperty("apdusPerSecond").GetDouble() > 0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Script_checks_expectations_and_fails_with_a_diff()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), Reader, TestContext.Current.CancellationToken);
        using var script = TempPath.WithText("""
            # USIM: select the application, then a file that is not there
            00 A4 04 04 07 A0 00 00 00 87 10 02 = 62 * 90 00
            00 A4 00 04 02 6F 07 = 90 00
            00 A4 00 04 02 12 34 = 90 00
            """, ".script");
        var (exitCode, stdout, stderr) = CliRunner.Run("script", "--reader", Reader.Name, script.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("< 62 ", stdout, StringComparison.Ordinal);
        Assert.Contains($"{script.Path}:4: response does not match", stderr, StringComparison.Ordinal);
        Assert.Contains("expected: 90 00 (status word)", stderr, StringComparison.Ordinal);
        Assert.Contains("actual:   6A 82 (file or application not found)", stderr, StringComparison.Ordinal);
        Assert.Contains("1 of 3 expectation(s) not met (line 4)", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_card_pulled_in_the_middle_of_a_script_stops_it_with_exit_1_naming_the_reader()
    {
        var card = new SignallingCard(VirtualCards.Create("sim"), apdus: 100);
        var inserted = await InsertedCard.InsertAsync(card, Reader, TestContext.Current.CancellationToken);
        var lines = new StringWriter();
        for (var i = 0; i < 20_000; i++)
            lines.WriteLine("A0 A4 00 00 02 7F 10");
        using var script = TempPath.WithText(lines.ToString(), ".script");
        // Pull the card once the script is well under way: the card signals its 100th APDU.
        var run = Task.Run(() => CliRunner.Run("script", "-r", Reader.Name, script.Path), TestContext.Current.CancellationToken);
        await Task.WhenAny(card.Reached, run);
        inserted.Dispose();
        var (exitCode, _, stderr) = await run;
        Assert.True(card.Reached.IsCompleted, "the script ended before the card was pulled");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains(Reader.Name, stderr, StringComparison.Ordinal);
        Assert.True(stderr.Contains("removed", StringComparison.Ordinal), stderr);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_substring_that_matches_many_readers_is_a_usage_error()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        // "00 01" names six empty readers: ambiguous, nothing is sent.
        var (exitCode, _, stderr) = CliRunner.Run("send", "-r", "00 01", "00 A4 00 00");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("matches", stderr, StringComparison.Ordinal);
    }
}

/// <summary>A real virtual card that completes <see cref="Reached"/> when it has answered a number of APDUs.</summary>
internal sealed class SignallingCard(VirtualCard inner, int apdus) : VirtualCard
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task Reached => _reached.Task;

    public override ReadOnlyMemory<byte> Atr => inner.Atr;

    public override string Kind => inner.Kind;

    public override CardProtocol Protocol => inner.Protocol;

    public override int Process(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var length = inner.Process(command, response);
        if (Interlocked.Increment(ref _count) >= apdus)
            _reached.TrySetResult();
        return length;
    }

    public override void PowerOn() => inner.PowerOn();

    public override void PowerOff() => inner.PowerOff();

    public override void Reset() => inner.Reset();
}

/// <summary>Commands that need no reader: in-process virtual cards and argument checking.</summary>
public class OfflineCommandTests
{
    [Fact]
    public void Send_json_is_one_object_per_APDU_with_the_status_word_explained()
    {
        var (exitCode, stdout, _) = CliRunner.Run("send", "--reader", "emu:sim", "--json", "A0 20 00 01 08 31 32 33 34 FF FF FF FF", "A0 A4 00 00 02 7F 10");
        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(["command", "data", "sw", "meaning"], i.EnumerateObject().Select(p => p.Name)));
        Assert.All(items, i => Assert.All(i.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind)));
        Assert.Equal("A0 20 00 01 08 ** ** ** ** ** ** ** **", items[0].GetProperty("command").GetString());
        Assert.Equal("90 00", items[1].GetProperty("sw").GetString());
        Assert.Equal("success", items[1].GetProperty("meaning").GetString());
    }

    [Fact]
    public void A_wrong_PIN_is_an_error_status_word_and_exits_1()
    {
        var (exitCode, stdout, _) = CliRunner.Run("send", "--reader", "emu:usim", "00 20 00 01 08 39 39 39 39 FF FF FF FF");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("< 63 C2: verification failed, 2 retries left", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_to_the_in_process_SIM_reads_the_phone_book_record()
    {
        var (exitCode, stdout, _) = CliRunner.Run("send", "--reader", "emu:sim", "A0 20 00 01 08 31 32 33 34 FF FF FF FF",
            "A0 A4 00 00 02 7F 10", "A0 A4 00 00 02 6F 3A", "A0 B2 01 04 1E");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("< 56 6F 69 63 65 20 4D 61 69 6C", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00 A4 0G", "APDU 1 (\"00 A4 0G\")")]
    [InlineData("00A4", "APDU 1 (\"00A4\")")]
    [InlineData("00 A4 00 00 05 3F", "APDU 1")]
    public void Malformed_APDUs_are_usage_errors_naming_the_argument(string apdu, string message)
    {
        var (exitCode, _, stderr) = CliRunner.Run("send", "-r", "emu:iso", apdu);
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_virtual_card_is_a_usage_error()
    {
        var (exitCode, _, stderr) = CliRunner.Run("send", "-r", "emu:nfc", "00 A4 00 00");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("emu:sim, emu:usim, emu:iso", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_does_not_parse_sends_nothing_and_names_the_line()
    {
        using var script = TempPath.WithText("00 A4 00 0C 02 3F 00\n00 B0 ZZ\n", ".script");
        var (exitCode, stdout, stderr) = CliRunner.Run("script", "-r", "emu:iso", script.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_json_gives_one_line_per_step_with_the_expectation_result()
    {
        using var script = TempPath.WithText("00 A4 04 0C 08 F0 43 61 72 64 4B 69 74 = 9000\nreset\n00 A4 02 0C 02 50 01 = 90 00\n00 A4 02 0C 02 50 01\n", ".script");
        var (exitCode, stdout, stderr) = CliRunner.Run("script", "-r", "emu:iso", "--json", script.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(["line", "step", "command", "data", "sw", "meaning", "expected", "matched"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, lines[0].GetProperty("line").ValueKind);
        Assert.Equal("apdu", lines[0].GetProperty("step").GetString());
        Assert.Equal("9000", lines[0].GetProperty("expected").GetString());
        Assert.True(lines[0].GetProperty("matched").GetBoolean());
        Assert.Equal(["line", "step"], lines[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("reset", lines[1].GetProperty("step").GetString());
        Assert.Equal("6A 82", lines[2].GetProperty("sw").GetString());
        Assert.False(lines[2].GetProperty("matched").GetBoolean());
        Assert.Equal(["line", "step", "command", "data", "sw", "meaning"], lines[3].EnumerateObject().Select(p => p.Name));
        Assert.Contains(":3: response does not match", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_with_reset_and_exit_runs_in_process()
    {
        using var script = TempPath.WithText("00 A4 04 0C 08 F0 43 61 72 64 4B 69 74 = 9000\nreset\n00 A4 02 0C 02 50 01 = 6A 82\nexit\n00 00 00 00\n", ".script");
        var (exitCode, stdout, _) = CliRunner.Run("script", "-r", "emu:iso", script.Path);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("reset: ATR 3B 0F 80 31 C0", stdout, StringComparison.Ordinal);
        Assert.Contains("2 expectation(s) met", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("> 00 00 00 00", stdout, StringComparison.Ordinal);
    }
}
