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
        var json = CardOptions.Json();
        json.Description = "One JSON line per step (line, command, response, sw, meaning, expected, matched) instead of text.";
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
            return Run(new CardSession(channel, parse.GetValue(raw)), steps, output, path, parse.GetValue(json));
        });
        return command;
    }

    private static int Run(CardSession session, List<ScriptStep> steps, CliOutput output, string name, bool json)
    {
        var checkedCount = 0;
        var mismatches = new List<int>();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case ScriptStepKind.Exit:
                    if (!json)
                        output.Out.WriteLine("exit");
                    return Summary(output, name, checkedCount, mismatches, json);
                case ScriptStepKind.Reset:
                    session.Channel.Reset();
                    var atr = Hex.Format(session.Channel.Atr.Span);
                    if (json)
                        output.WriteJson(w => Step(w, step, "reset", null, null, null), indented: false);
                    else
                        output.Out.WriteLine($"reset: ATR {atr}");
                    continue;
            }
            var response = session.Transmit(step.Command);
            bool? matched = step.Expected?.Matches(response.ToArray());
            if (json)
            {
                output.WriteJson(w => Step(w, step, "apdu", response, SendCommand.ContextFor(step.Command), matched), indented: false);
            }
            else
            {
                output.Out.WriteLine($"> {TextTraceObserver.FormatCommand(step.Command)}");
                output.Out.WriteLine($"< {SendCommand.FormatResponse(response, SendCommand.ContextFor(step.Command))}");
            }
            if (matched is null)
                continue;
            checkedCount++;
            if (matched.Value)
                continue;
            mismatches.Add(step.Line);
            output.Error.WriteLine($"{name}:{step.Line}: response does not match the expectation");
            output.Error.WriteLine($"  expected: {step.Expected}{(step.Expected!.StatusWordOnly ? " (status word)" : "")}");
            output.Error.WriteLine($"  actual:   {Hex.Format(response.ToArray())} ({response.StatusWord.Describe(SendCommand.ContextFor(step.Command))})");
        }
        return Summary(output, name, checkedCount, mismatches, json);
    }

    private static void Step(System.Text.Json.Utf8JsonWriter w, ScriptStep step, string kind, Iso7816.ResponseApdu? response, Iso7816.StatusWordContext? context, bool? matched)
    {
        w.WriteStartObject();
        w.WriteNumber("line", step.Line);
        w.WriteString("step", kind);
        if (response is not null)
        {
            w.WriteString("command", TextTraceObserver.FormatCommand(step.Command));
            w.WriteString("data", Hex.Format(response.Data));
            w.WriteString("sw", response.StatusWord.ToString());
            w.WriteString("meaning", response.StatusWord.Describe(context!.Value));
        }
        if (step.Expected is { } expected)
        {
            w.WriteString("expected", expected.Text);
            w.WriteBoolean("matched", matched == true);
        }
        w.WriteEndObject();
    }

    private static int Summary(CliOutput output, string name, int checkedCount, List<int> mismatches, bool json)
    {
        if (checkedCount == 0)
            return ExitCodes.Ok;
        if (mismatches.Count == 0)
        {
            if (!json)
                output.Out.WriteLine($"{checkedCount} expectation(s) met");
            return ExitCodes.Ok;
        }
        output.Error.WriteLine($"{name}: {mismatches.Count} of {checkedCount} expectation(s) not met (line {string.Join(", ", mismatches)})");
        return ExitCodes.CardOrDataError;
    }
}
