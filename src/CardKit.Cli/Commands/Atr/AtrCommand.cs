using System.CommandLine;
using CardKit.Atr;
using CardKit.Hosting;

namespace CardKit.Cli.Commands.Atr;

/// <summary>
/// `cardkit atr ATR`: every byte explained, defects, matching smartcard_list.txt entries.
/// Exit code 0 for a valid ATR, 1 when it has defects (it is still decoded), 2 when the
/// input is not hex. `--batch FILE|-`: one JSON line per ATR.
/// </summary>
internal static class AtrCommand
{
    public static Command Create(CliOutput output)
    {
        var atrArgument = new Argument<string[]>("atr") { Description = "The ATR in hex; spaces allowed, as one or several arguments.", Arity = ArgumentArity.ZeroOrMore };
        var json = CardOptions.Json();
        var list = new Option<string?>("--list") { Description = "smartcard_list.txt to use (default: $XDG_CACHE_HOME, ~/.smartcard_list.txt, /usr/share/pcsc)." };
        var batch = new Option<string?>("--batch") { Description = "Decode every line of FILE (- for stdin); one JSON object per line." };
        var command = new Command("atr", "Decode an Answer To Reset (ISO/IEC 7816-3/-4, PC/SC part 3) and identify the card.") { atrArgument, json, list, batch };
        command.Subcommands.Add(AtrStatsCommand.Create(output));
        command.SetAction(parse =>
        {
            if (parse.GetValue(batch) is { } file)
                return AtrBatch.Run(file, parse.GetValue(list), output);
            return Decode(string.Join(' ', parse.GetValue(atrArgument) ?? []), parse.GetValue(list), parse.GetValue(json), output);
        });
        return command;
    }

    /// <summary>`atr` followed only by hex tokens: no option, no subcommand.</summary>
    public static bool IsPlainInvocation(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2 || args[0] != "atr")
            return false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].Length == 0)
                return false;
            foreach (var c in args[i])
            {
                if (!char.IsAsciiHexDigit(c) && c != ' ' && c != ':')
                    return false;
            }
        }
        return true;
    }

    /// <summary>The plain invocation, with the same exit-code rules as the full command line.</summary>
    public static int RunPlain(string[] args, CliOutput output) =>
        CardKitCli.RunDirect(() => Decode(string.Join(' ', args, 1, args.Length - 1), null, json: false, output), output);

    /// <summary>`cardkit atr ATR...` (Program.cs calls it directly for plain invocations: start-up time is a feature here).</summary>
    public static int Decode(string text, string? listPath, bool json, CliOutput output)
    {
        if (text.Length == 0)
            throw CliException.Usage("give an ATR, e.g. cardkit atr 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A, or --batch FILE");
        AnswerToReset atr;
        try
        {
            atr = AtrParser.Parse(text);
        }
        catch (CardKitFormatException e)
        {
            throw CliException.Usage($"not an ATR: {e.Message}");
        }
        var source = AtrLists.Path(listPath, output);
        // One ATR and exit: match while reading the list, compiling only the patterns of its length.
        var report = AtrReport.Create(atr, source is null ? null : SmartcardListFiles.Match(source, atr.Bytes));
        if (json)
            WriteJson(report, output);
        else
            AtrTextReport.Write(output.Out, report, AtrLists.TextOptions(source, output));
        return atr.IsValid ? ExitCodes.Ok : ExitCodes.CardOrDataError;
    }

    // Its own method so the text path does not load System.Text.Json.
    private static void WriteJson(AtrReport report, CliOutput output) =>
        output.WriteJson(report, CardKitJsonContext.Default.AtrReport);
}
