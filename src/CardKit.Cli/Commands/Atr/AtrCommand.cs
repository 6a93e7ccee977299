using System.CommandLine;
using System.Text.Json;
using CardKit.Atr;

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
            var text = string.Join(' ', parse.GetValue(atrArgument) ?? []);
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
            var smartcardList = AtrReport.LoadList(parse.GetValue(list), output);
            var matches = smartcardList?.Match(atr.Bytes);
            if (parse.GetValue(json))
            {
                var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    AtrReport.WriteJson(w, atr, matches);
                output.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                AtrReport.WriteText(output.Out, atr, matches, smartcardList?.Source, output.Color);
            }
            return atr.IsValid ? ExitCodes.Ok : ExitCodes.CardOrDataError;
        });
        return command;
    }
}
