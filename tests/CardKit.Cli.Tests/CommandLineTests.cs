namespace CardKit.Cli.Tests;

public class CommandLineTests
{
    [Fact]
    public void Version_prints_the_runtime_and_exits_zero()
    {
        var (exitCode, stdout, _) = CliRunner.Run("version");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.StartsWith("cardkit ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (exitCode, _, stderr) = CliRunner.Run("--no-such-option");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }
}
