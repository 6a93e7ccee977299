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
        var reader = json.RootElement.GetProperty("readers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == Reader.Name);
        Assert.True(reader.GetProperty("cardPresent").GetBoolean());
        Assert.Equal(Hex.Format(inserted.Card.Atr.Span), reader.GetProperty("atr").GetString());
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
        var path = Path.Combine(Path.GetTempPath(), $"cardkit-{Guid.NewGuid():N}.script");
        await File.WriteAllTextAsync(path, """
            # USIM: select the application, then a file that is not there
            00 A4 04 04 07 A0 00 00 00 87 10 02 = 62 * 90 00
            00 A4 00 04 02 6F 07 = 90 00
            00 A4 00 04 02 12 34 = 90 00
            """, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("script", "--reader", Reader.Name, path);
            Assert.Equal(ExitCodes.CardOrDataError, exitCode);
            Assert.Contains("< 62 ", stdout, StringComparison.Ordinal);
            Assert.Contains($"{path}:4: response does not match", stderr, StringComparison.Ordinal);
            Assert.Contains("expected: 90 00 (status word)", stderr, StringComparison.Ordinal);
            Assert.Contains("actual:   6A 82 (file or application not found)", stderr, StringComparison.Ordinal);
            Assert.Contains("1 of 3 expectation(s) not met (line 4)", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_card_pulled_in_the_middle_of_a_script_stops_it_with_exit_1_naming_the_reader()
    {
        var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var script = new StringWriter();
        for (var i = 0; i < 20_000; i++)
            script.WriteLine("A0 A4 00 00 02 7F 10");
        var path = Path.Combine(Path.GetTempPath(), $"cardkit-{Guid.NewGuid():N}.script");
        await File.WriteAllTextAsync(path, script.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var run = Task.Run(() => CliRunner.Run("script", "-r", Reader.Name, path), TestContext.Current.CancellationToken);
            // Pull the card once the script is well under way.
            while (inserted.Client.ApduCount < 100 && !run.IsCompleted)
                await Task.Delay(10, TestContext.Current.CancellationToken);
            inserted.Dispose();
            var (exitCode, _, stderr) = await run;
            Assert.Equal(ExitCodes.CardOrDataError, exitCode);
            Assert.Contains(Reader.Name, stderr, StringComparison.Ordinal);
            Assert.True(stderr.Contains("removed", StringComparison.Ordinal), stderr);
        }
        finally
        {
            File.Delete(path);
        }
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

/// <summary>Commands that need no reader: in-process virtual cards and argument checking.</summary>
public class OfflineCommandTests
{
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
        var path = Path.Combine(Path.GetTempPath(), $"cardkit-{Guid.NewGuid():N}.script");
        File.WriteAllText(path, "00 A4 00 0C 02 3F 00\n00 B0 ZZ\n");
        try
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("script", "-r", "emu:iso", path);
            Assert.Equal(ExitCodes.CardOrDataError, exitCode);
            Assert.Empty(stdout);
            Assert.Contains("line 2", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Script_json_gives_one_line_per_step_with_the_expectation_result()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cardkit-{Guid.NewGuid():N}.script");
        File.WriteAllText(path, "00 A4 04 0C 08 F0 43 61 72 64 4B 69 74 = 9000\nreset\n00 A4 02 0C 02 50 01 = 90 00\n");
        try
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("script", "-r", "emu:iso", "--json", path);
            Assert.Equal(ExitCodes.CardOrDataError, exitCode);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(3, lines.Count);
            Assert.True(lines[0].GetProperty("matched").GetBoolean());
            Assert.Equal("reset", lines[1].GetProperty("step").GetString());
            Assert.Equal("6A 82", lines[2].GetProperty("sw").GetString());
            Assert.False(lines[2].GetProperty("matched").GetBoolean());
            Assert.Contains(":3: response does not match", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Script_with_reset_and_exit_runs_in_process()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cardkit-{Guid.NewGuid():N}.script");
        File.WriteAllText(path, "00 A4 04 0C 08 F0 43 61 72 64 4B 69 74 = 9000\nreset\n00 A4 02 0C 02 50 01 = 6A 82\nexit\n00 00 00 00\n");
        try
        {
            var (exitCode, stdout, _) = CliRunner.Run("script", "-r", "emu:iso", path);
            Assert.Equal(ExitCodes.Ok, exitCode);
            Assert.Contains("reset: ATR 3B 0F 80 31 C0", stdout, StringComparison.Ordinal);
            Assert.Contains("2 expectation(s) met", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("> 00 00 00 00", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
