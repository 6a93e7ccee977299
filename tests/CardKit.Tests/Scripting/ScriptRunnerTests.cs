using System.Text.Json;
using CardKit.Scripting;

namespace CardKit.Tests.Scripting;

public class ScriptRunnerTests
{
    private const string Script = """
        00 A4 00 0C 02 3F 00 = 90 00
        00 B0 00 00 02 = CA FE 90 00
        reset
        00 B0 00 00 02 = 6A 82
        00 20 00 01 04 31 32 33 34
        exit
        00 B0 00 00 00
        """;

    private static ScriptedChannel Card() => new(
        ("00 A4 00 0C 02 3F 00", "90 00"),
        ("00 B0 00 00 02", "CA FE 90 00"),
        ("00 B0 00 00 02", "BE EF 90 00"),
        ("00 20 00 01 04 31 32 33 34", "63 C2"));

    [Fact]
    public void Every_step_is_run_in_order_until_exit_and_expectations_are_checked()
    {
        var channel = Card();
        var runner = new ScriptRunner(new CardSession(channel));
        var results = runner.Run(ApduScript.Parse(Script)).ToList();
        Assert.Equal([ScriptStepKind.Apdu, ScriptStepKind.Apdu, ScriptStepKind.Reset, ScriptStepKind.Apdu, ScriptStepKind.Apdu, ScriptStepKind.Exit], results.Select(r => r.Step));
        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => r.Line));
        Assert.Equal([true, true, null, false, null, null], results.Select(r => r.Matched));
        Assert.Equal(1, channel.Resets);
        Assert.Equal("3B 00", results[2].Atr);
        Assert.Equal(3, runner.Checked);
        Assert.Equal([4], runner.Mismatches);
        Assert.True(results[3].Failed);
        Assert.Equal("BE EF 90 00", results[3].Response!.ToString());
        Assert.Equal("00 20 00 01 04 ** ** ** **", results[4].Command);
        Assert.Equal("verification failed, 2 retries left", results[4].Meaning);
    }

    [Fact]
    public void Steps_run_as_the_results_are_read()
    {
        var channel = Card();
        using var results = new ScriptRunner(new CardSession(channel)).Run(ApduScript.Parse(Script)).GetEnumerator();
        Assert.Empty(channel.Sent);
        Assert.True(results.MoveNext());
        Assert.Single(channel.Sent);
    }

    [Fact]
    public void The_JSON_of_a_step_has_only_the_fields_that_apply()
    {
        var results = new ScriptRunner(new CardSession(Card())).Run(ApduScript.Parse(Script)).ToList();
        JsonElement Json(ScriptStepResult r) => JsonDocument.Parse(JsonSerializer.Serialize(r, CardKitJsonContext.Default.ScriptStepResult)).RootElement;
        var checkedStep = Json(results[1]);
        Assert.Equal(["line", "step", "command", "data", "sw", "meaning", "expected", "matched"], checkedStep.EnumerateObject().Select(p => p.Name));
        Assert.Equal("apdu", checkedStep.GetProperty("step").GetString());
        Assert.Equal(JsonValueKind.Number, checkedStep.GetProperty("line").ValueKind);
        Assert.Equal("CA FE 90 00", checkedStep.GetProperty("expected").GetString());
        Assert.True(checkedStep.GetProperty("matched").GetBoolean());
        Assert.Equal(["line", "step"], Json(results[2]).EnumerateObject().Select(p => p.Name));
        Assert.Equal("reset", Json(results[2]).GetProperty("step").GetString());
        Assert.Equal(["line", "step", "command", "data", "sw", "meaning"], Json(results[4]).EnumerateObject().Select(p => p.Name));
    }
}
