using System.Diagnostics;
using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>`cardkit pin verify|change` with the in-process virtual pin pad reader and on the keyboard.</summary>
public class PinCommandTests
{
    [Theory]
    [InlineData("emu:sim")]
    [InlineData("emu:usim")]
    public void Verify_on_the_pin_pad_takes_the_pin_from_the_pad_and_never_echoes_it(string reader)
    {
        var (exitCode, stdout, stderr) = CliRunner.RunWithInput("1234\n", "pin", "verify", "-r", reader, "--pinpad");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Equal($"CHV1 verified (typed on the pin pad of reader '{reader}').", stdout.Trim());
        Assert.Contains("[virtual pin pad] PIN: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_pin_on_the_pad_reports_the_attempts_left_and_exits_1()
    {
        var (exitCode, _, stderr) = CliRunner.RunWithInput("9999\n", "pin", "verify", "-r", "emu:usim", "--pinpad", "--trace");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("wrong PIN: 2 attempt(s) left. Not retrying.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_on_the_pin_pad_asks_for_the_current_pin_and_the_new_one_twice()
    {
        var (exitCode, stdout, stderr) = CliRunner.RunWithInput("1234\n2468\n2468\n", "pin", "change", "-r", "emu:sim", "--pinpad");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Contains("CHV1 changed", stdout, StringComparison.Ordinal);
        Assert.Equal(["Current PIN", "New PIN", "New PIN again"],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("[virtual pin pad] ", "", StringComparison.Ordinal).TrimEnd(' ', ':')));
    }

    [Fact]
    public void A_cancelled_pad_entry_spends_no_attempt()
    {
        var (exitCode, _, stderr) = CliRunner.RunWithInput("", "pin", "verify", "-r", "emu:sim", "--pinpad");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("PIN entry was cancelled", stderr, StringComparison.Ordinal);
        Assert.Contains("no attempt was spent", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keyboard_path_verifies_with_the_sim_safety_rules()
    {
        var (exitCode, stdout, stderr) = CliRunner.RunWithInput("1234\n", "pin", "verify", "-r", "emu:usim");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Equal("CHV1 verified (typed on the keyboard).", stdout.Trim());
        Assert.StartsWith("PIN: ", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = CliRunner.RunWithInput("", "pin", "verify", "-r", "emu:usim");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("no PIN was typed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyboard_change_whose_confirmation_differs_sends_nothing()
    {
        var (exitCode, _, stderr) = CliRunner.RunWithInput("1234\n5678\n5679\n", "pin", "change", "-r", "emu:usim");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("the new PIN and its confirmation differ (the keyboard, SW 64 02)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12a4\n", "--pinpad")]
    [InlineData("12a4\n", "--trace")]
    [InlineData("1234\n", "--format=bcd")]
    [InlineData("1234\n", "--format=pinblock")]
    public void Bad_pins_and_options_are_usage_errors(string input, string option)
    {
        var (exitCode, _, stderr) = CliRunner.RunWithInput(input, "pin", "verify", "-r", "emu:sim", option);
        Assert.True(exitCode == ExitCodes.Usage, stderr);
    }
}

/// <summary>`cardkit pin --pinpad` on a vpcd reader through the real pcscd: vpcd has no pin pad.</summary>
[Collection("Reader E")]
public class PinCommandPcscTests
{
    private static readonly VirtualReader Reader = VirtualReaders.CliSim[1];

    [Fact(Timeout = 30_000)]
    public async Task Without_a_pin_pad_reader_the_command_says_so_exits_3_and_the_keyboard_path_works()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, _, stderr) = CliRunner.RunWithInput("1234\n", "pin", "verify", "-r", Reader.Name, "--pinpad");
        Assert.Equal(ExitCodes.Environment, exitCode);
        Assert.Contains($"reader '{Reader.Name}' has no pin pad", stderr, StringComparison.Ordinal);
        Assert.Contains("Without --pinpad, cardkit asks for the PIN here instead", stderr, StringComparison.Ordinal);

        (exitCode, var stdout, stderr) = CliRunner.RunWithInput("1234\n", "pin", "verify", "-r", Reader.Name);
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Contains("CHV1 verified (typed on the keyboard)", stdout, StringComparison.Ordinal);
    }
}

/// <summary>The published `cardkit` binary: the virtual pin pad reads the PIN from stdin.</summary>
public class PinProcessTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_binary_verifies_on_the_virtual_pin_pad()
    {
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(
            new ProcessStartInfo(EmulateProcessTests.Binary, ["pin", "verify", "-r", "emu:usim", "--pinpad"]), "1234\n",
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("CHV1 verified (typed on the pin pad of reader 'emu:usim')", stdout, StringComparison.Ordinal);
    }
}
