using System.Diagnostics;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

[CollectionDefinition("Reader E", DisableParallelization = true)]
public sealed class ReaderEGroup;

/// <summary>The built `cardkit` binary as separate processes: `emulate` plugs a card into pcscd, `readers` sees it.</summary>
[Collection("Reader E")]
public class EmulateProcessTests
{
    private static readonly VirtualReader Reader = VirtualReaders.CliSim[0];

    /// <summary>
    /// The `cardkit` the process tests run: $CARDKIT_BINARY (test.sh sets it to the native AOT
    /// build it publishes, the one people get), else the one the CLI project built, same
    /// configuration as this test assembly.
    /// </summary>
    internal static string Binary => Environment.GetEnvironmentVariable("CARDKIT_BINARY") is { Length: > 0 } published
        ? published
        : Path.Combine(AppContext.BaseDirectory.Replace(Path.Combine("tests", "CardKit.Cli.Tests"), Path.Combine("src", "CardKit.Cli"), StringComparison.Ordinal), "cardkit");

    [Fact(Timeout = 60_000)]
    public async Task Emulate_runs_until_SIGTERM_and_other_processes_see_the_card()
    {
        Pcscd.EnsureRunning();
        using var emulate = Process.Start(new ProcessStartInfo(Binary, ["emulate", "usim", "--port", Reader.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            InsertedCard.WaitForState(Reader.Name, present: true, TestContext.Current.CancellationToken);
            var (exitCode, stdout) = await RunAsync(Binary, ["readers"]);
            Assert.Equal(0, exitCode);
            Assert.Contains("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 57 86 81 02 86 98 44 18 A8",
                stdout.Split('\n').Single(l => l.Contains(Reader.Name, StringComparison.Ordinal)), StringComparison.Ordinal);
            (exitCode, stdout) = await RunAsync(Binary, ["send", "-r", Reader.Name, "00 A4 04 04 07 A0 00 00 00 87 10 02"]);
            Assert.Equal(0, exitCode);
            Assert.Contains("90 00: success", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Process.Start("kill", ["-TERM", emulate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit(5000);
            if (!emulate.WaitForExit(TimeSpan.FromSeconds(10)))
                emulate.Kill(entireProcessTree: true);
        }
        Assert.True(emulate.HasExited);
        Assert.Equal(0, emulate.ExitCode);
        var output = await emulate.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Virtual usim card, ATR 3B 9F 95", output, StringComparison.Ordinal);
        Assert.Matches(@"Stopped after [1-9]\d* APDUs", output);
        InsertedCard.WaitForState(Reader.Name, present: false, TestContext.Current.CancellationToken);
    }

    internal static async Task<(int ExitCode, string Stdout)> RunAsync(string file, string[] args)
    {
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(new ProcessStartInfo(file, args), null, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        return (exitCode, stdout + stderr);
    }
}

/// <summary>Stops the shared pcscd: runs alone in test.sh's second pass.</summary>
[Collection("Reader E")]
[Trait("Category", "RestartsPcscd")]
public class NoServiceTests
{
    [Fact(Timeout = 60_000)]
    public async Task Without_pcscd_card_commands_exit_3_and_say_how_to_start_it()
    {
        Assert.Null(Pcscd.Control("stop"));
        try
        {
            var (exitCode, _, stderr) = await Task.Run(() => CliRunner.Run("readers"), TestContext.Current.CancellationToken);
            Assert.Equal(ExitCodes.Environment, exitCode);
            Assert.Contains("SCARD_E_NO_SERVICE", stderr, StringComparison.Ordinal);
            Assert.Contains("emu:sim", stderr, StringComparison.Ordinal);
            Assert.EndsWith("; run 'cardkit doctor' for details", stderr.TrimEnd(), StringComparison.Ordinal);
            // ... and doctor says what is wrong and how to start it.
            var (doctorExit, doctorOut, _) = await Task.Run(() => CliRunner.Run("doctor"), TestContext.Current.CancellationToken);
            Assert.Equal(ExitCodes.CardOrDataError, doctorExit);
            Assert.StartsWith("FAIL  pcscd ", doctorOut, StringComparison.Ordinal);
            Assert.Contains("fix: ", doctorOut, StringComparison.Ordinal);
            // The in-process card still works.
            Assert.Equal(ExitCodes.Ok, CliRunner.Run("send", "-r", "emu:iso", "00 A4 04 0C 08 F0 43 61 72 64 4B 69 74").ExitCode);
        }
        finally
        {
            Assert.Null(Pcscd.Control("start"));
        }
    }
}
