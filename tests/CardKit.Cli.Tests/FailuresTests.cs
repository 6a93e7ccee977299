using CardKit.Emulator;
using CardKit.Pcsc;

namespace CardKit.Cli.Tests;

/// <summary>The CLI adds its own hints (options, commands, the repository's scripts) to what the libraries say.</summary>
public class FailuresTests
{
    [Theory]
    [InlineData(ScardError.NoService, ExitCodes.Environment, "--reader emu:sim")]
    [InlineData(ScardError.NoService, ExitCodes.Environment, "scripts/pcscd.sh start")]
    [InlineData(ScardError.NoReadersAvailable, ExitCodes.Environment, "--reader emu:sim")]
    [InlineData(ScardError.NoSmartcard, ExitCodes.CardOrDataError, "cardkit emulate sim")]
    [InlineData(ScardError.UnknownReader, ExitCodes.Environment, "`cardkit readers`")]
    public void PC_SC_failures_get_the_CLI_hint_and_the_exit_code_of_their_category(ScardError error, int exitCode, string hint)
    {
        var e = PcscException.Create(error, "SCardConnect", "Reader X");
        Assert.True(Failures.TryDescribe(e, out var code, out var message));
        Assert.Equal(exitCode, code);
        Assert.StartsWith(e.Message, message, StringComparison.Ordinal);
        Assert.Contains(hint, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_vpcd_is_an_environment_failure_with_the_repository_script()
    {
        var e = new VpcdUnreachableException("127.0.0.1", 35963, TimeSpan.FromSeconds(2));
        Assert.True(Failures.TryDescribe(e, out var code, out var message));
        Assert.Equal(ExitCodes.Environment, code);
        Assert.Contains("127.0.0.1:35963", message, StringComparison.Ordinal);
        Assert.Contains("scripts/pcscd.sh start", message, StringComparison.Ordinal);
        Assert.DoesNotContain("scripts/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_error_is_a_card_or_data_failure_with_the_library_message()
    {
        var e = new CardKitFormatException("bad byte", 3);
        Assert.True(Failures.TryDescribe(e, out var code, out var message));
        Assert.Equal(ExitCodes.CardOrDataError, code);
        Assert.Equal("bad byte (at offset 3)", message);
    }
}
