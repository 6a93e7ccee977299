using CardKit.Scripting;

namespace CardKit.Tests.Scripting;

public class ApduScriptTests
{
    [Fact]
    public void Parses_scriptor_scripts_with_comments_continuations_reset_and_exit()
    {
        var steps = ApduScript.Parse("""
            # select the master file
            00 A4 00 0C 02 3F 00

            00A4040007 \
              A0000000871002
            reset
            A0 A4 00 00 02 7F 10 # inline comment
            exit
            00 B0 00 00 00
            """);
        Assert.Equal([ScriptStepKind.Apdu, ScriptStepKind.Apdu, ScriptStepKind.Reset, ScriptStepKind.Apdu, ScriptStepKind.Exit, ScriptStepKind.Apdu],
            steps.Select(s => s.Kind));
        Assert.Equal("00 A4 04 00 07 A0 00 00 00 87 10 02", Hex.Format(steps[1].Command));
        Assert.Equal(4, steps[1].Line);
        Assert.Equal(7, steps[3].Line);
    }

    [Fact]
    public void Expected_responses_use_wildcards()
    {
        var step = Assert.Single(ApduScript.Parse("00 A4 04 00 07 A0 00 00 00 87 10 02 = 61 .."));
        Assert.True(step.Expected!.Matches(Hex.Parse("61 2A")));
        Assert.False(step.Expected.Matches(Hex.Parse("6A 82")));
    }

    [Theory]
    [InlineData("90 00", "62 03 82 01 21 90 00", true)]
    [InlineData("90 00", "6A 82", false)]
    [InlineData("6. ..", "6A 82", true)]
    [InlineData("62 * 90 00", "62 03 82 01 21 90 00", true)]
    [InlineData("62 * 90 00", "62 90 00", true)]
    [InlineData("62 .. 90 00", "62 03 82 01 21 90 00", false)]
    [InlineData("* 9000", "01 02 90 00", true)]
    [InlineData("* 9000", "01 02 90 01", false)]
    [InlineData("56 6F 69 63 65 *", "56 6F 69 63 65 20 90 00", true)]
    public void Patterns_match_whole_responses_or_just_the_status_word(string pattern, string response, bool matches)
    {
        Assert.True(ResponsePattern.TryParse(pattern, out var p, out var error), error);
        Assert.Equal(matches, p!.Matches(Hex.Parse(response)));
    }

    [Theory]
    [InlineData("00 A4 0G", 1, "not a hex digit")]
    [InlineData("00 A4", 1, "at least CLA INS P1 P2")]
    [InlineData("# ok\n00 A4 00 00 =", 2, "nothing after '='")]
    [InlineData("00 A4 00 00 = 9", 1, "not whole bytes")]
    [InlineData("00 A4 00 00 = 9X 00", 1, "not a hex byte or wildcard")]
    [InlineData("00 A4 00 00 \\", 1, "ends inside a '\\' continuation")]
    public void Malformed_lines_are_reported_with_their_line_number(string script, int line, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => ApduScript.Parse(script));
        Assert.Equal(line, e.Offset);
        Assert.Contains($"line {line}", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
