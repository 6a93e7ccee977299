using System.CommandLine;
using CardKit.Scripting;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit script FILE|-`: runs a scriptor-compatible script; lines with `= expected` make the
/// run fail (exit 1) with a diff when the card answers otherwise. A script that does not parse
/// is rejected before anything is sent.
/// </summary>
internal static class ScriptCommand
{
    public static Command Create(CliOutput output)
    {
        var card = new CardOptions();
        var file = new Argument<string>("file") { Description = "Script file, or - for standard input." };
        var raw = new Option<bool>("--raw") { Description = "No automatic GET RESPONSE (61xx, 9Fxx) or Le correction (6Cxx)." };
        var json = CardOptions.Json();
        json.Description = "One JSON line per step (line, step, command, data, sw, meaning, expected, matched) instead of text.";
        var command = new Command("script", "Run an APDU script (scriptor format, plus `= expected response` checks).") { file, raw, json };
        card.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            List<ScriptStep> steps;
            try
            {
                using var reader = path == "-" ? Console.In : new StreamReader(path);
                steps = ApduScript.Parse(reader);
            }
            catch (FileNotFoundException)
            {
                throw CliException.Usage($"script file '{path}' not found");
            }
            catch (CardKitFormatException e)
            {
                throw CliException.CardOrData($"{path}: {e.Message}");
            }
            using var channel = card.Open(parse, output);
            return Run(new ScriptRunner(new CardSession(channel, parse.GetValue(raw))), steps, output, path, parse.GetValue(json));
        });
        return command;
    }

    private static int Run(ScriptRunner runner, List<ScriptStep> steps, CliOutput output, string name, bool json)
    {
        foreach (var result in runner.Run(steps))
        {
            if (json)
            {
                if (result.Step != ScriptStepKind.Exit)
                    output.WriteJson(result, CardKitJsonContext.Default.ScriptStepResult, indented: false);
            }
            else
            {
                WriteText(output, result);
            }
            if (!result.Failed)
                continue;
            var expected = result.ExpectedPattern!;
            output.Error.WriteLine($"{name}:{result.Line}: response does not match the expectation");
            output.Error.WriteLine($"  expected: {expected}{(expected.StatusWordOnly ? " (status word)" : "")}");
            output.Error.WriteLine($"  actual:   {result.Response} ({result.Meaning})");
        }
        if (runner.Checked == 0)
            return ExitCodes.Ok;
        if (runner.Mismatches.Count == 0)
        {
            if (!json)
                output.Out.WriteLine($"{runner.Checked} expectation(s) met");
            return ExitCodes.Ok;
        }
        output.Error.WriteLine($"{name}: {runner.Mismatches.Count} of {runner.Checked} expectation(s) not met (line {string.Join(", ", runner.Mismatches)})");
        return ExitCodes.CardOrDataError;
    }

    private static void WriteText(CliOutput output, ScriptStepResult result)
    {
        switch (result.Step)
        {
            case ScriptStepKind.Exit:
                output.Out.WriteLine("exit");
                break;
            case ScriptStepKind.Reset:
                output.Out.WriteLine($"reset: ATR {result.Atr}");
                break;
            default:
                output.Out.WriteLine($"> {result.Command}");
                output.Out.WriteLine($"< {result.Exchange!.FormatResponse()}");
                break;
        }
    }
}
