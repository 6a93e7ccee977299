using System.CommandLine;
using CardKit.Iso7816;
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
        var command = new Command("script", "Run an APDU script (scriptor format, plus `= expected response` checks).") { file, raw };
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
            return Run(new CardSession(channel, parse.GetValue(raw)), steps, output, path);
        });
        return command;
    }

    private static int Run(CardSession session, List<ScriptStep> steps, CliOutput output, string name)
    {
        var checkedCount = 0;
        var mismatches = new List<int>();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case ScriptStepKind.Exit:
                    output.Out.WriteLine("exit");
                    return Summary(output, name, checkedCount, mismatches);
                case ScriptStepKind.Reset:
                    session.Channel.Reset();
                    output.Out.WriteLine($"reset: ATR {Hex.Format(session.Channel.Atr.Span)}");
                    continue;
            }
            var response = session.Transmit(step.Command);
            output.Out.WriteLine($"> {TextTraceObserver.FormatCommand(step.Command)}");
            output.Out.WriteLine($"< {SendCommand.FormatResponse(response, SendCommand.ContextFor(step.Command))}");
            if (step.Expected is not { } expected)
                continue;
            checkedCount++;
            var actual = response.ToArray();
            if (expected.Matches(actual))
                continue;
            mismatches.Add(step.Line);
            output.Error.WriteLine($"{name}:{step.Line}: response does not match the expectation");
            output.Error.WriteLine($"  expected: {expected}{(expected.StatusWordOnly ? " (status word)" : "")}");
            output.Error.WriteLine($"  actual:   {Hex.Format(actual)} ({response.StatusWord.Describe(SendCommand.ContextFor(step.Command))})");
        }
        return Summary(output, name, checkedCount, mismatches);
    }

    private static int Summary(CliOutput output, string name, int checkedCount, List<int> mismatches)
    {
        if (checkedCount == 0)
            return ExitCodes.Ok;
        if (mismatches.Count == 0)
        {
            output.Out.WriteLine($"{checkedCount} expectation(s) met");
            return ExitCodes.Ok;
        }
        output.Error.WriteLine($"{name}: {mismatches.Count} of {checkedCount} expectation(s) not met (line {string.Join(", ", mismatches)})");
        return ExitCodes.CardOrDataError;
    }
}
