using System.CommandLine;
using CardKit.Iso7816;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit send`: one or more APDUs with T=0 response handling (61xx, 6Cxx, 9Fxx) unless --raw;
/// `--repeat N` measures round-trip latency the way a stress test should (min, median, p99, rate).
/// Exit code 1 when a status word reports an error (<see cref="StatusWords.Classify(ReadOnlySpan{byte}, StatusWord)"/>).
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliOutput output)
    {
        var card = new CardOptions();
        var apdus = new Argument<string[]>("apdu")
        {
            Description = "Command APDUs in hex, one per argument: \"00 A4 00 0C 02 3F 00\" or 00A4000C023F00.",
            Arity = ArgumentArity.OneOrMore,
        };
        var raw = new Option<bool>("--raw") { Description = "No automatic GET RESPONSE (61xx, 9Fxx) or Le correction (6Cxx)." };
        var repeat = new Option<int>("--repeat", "-n") { Description = "Send the APDU(s) N times and report latency statistics.", DefaultValueFactory = _ => 1 };
        var json = CardOptions.Json();
        var command = new Command("send", "Send APDUs to a card and show the responses with their status words explained.") { apdus, raw, repeat, json };
        card.AddTo(command);
        command.SetAction(parse =>
        {
            List<byte[]> commands;
            try
            {
                commands = CommandApdu.ParseEach(parse.GetValue(apdus)!);
            }
            catch (CardKitFormatException e)
            {
                throw CliException.Usage(e.Message);
            }
            var count = parse.GetValue(repeat);
            if (count < 1)
                throw CliException.Usage("--repeat must be at least 1");
            using var channel = card.Open(parse, output);
            var session = new CardSession(channel, parse.GetValue(raw));
            return count == 1
                ? SendOnce(session, commands, output, parse.GetValue(json))
                : Repeat(session, commands, count, output, parse.GetValue(json));
        });
        return command;
    }

    private static int SendOnce(CardSession session, List<byte[]> commands, CliOutput output, bool json)
    {
        var exchanges = new List<ApduExchange>(commands.Count);
        foreach (var apdu in commands)
        {
            var exchange = ApduExchange.Of(apdu, session.Transmit(apdu));
            exchanges.Add(exchange);
            if (json)
                continue;
            output.Out.WriteLine($"> {exchange.Command}");
            output.Out.WriteLine($"< {exchange.FormatResponse()}");
        }
        if (json)
            output.WriteJson(exchanges, CardKitJsonContext.Default.ListApduExchange);
        return exchanges.Exists(e => e.Outcome == StatusWordOutcome.Error) ? ExitCodes.CardOrDataError : ExitCodes.Ok;
    }

    private static int Repeat(CardSession session, List<byte[]> commands, int count, CliOutput output, bool json)
    {
        var stats = LatencyStats.Measure(session, commands, count);
        if (json)
            output.WriteJson(stats, CardKitJsonContext.Default.LatencyStats, indented: false);
        else
            output.Out.WriteLine(stats.ToText(session.Channel.ReaderName));
        return stats.Errors > 0 ? ExitCodes.CardOrDataError : ExitCodes.Ok;
    }
}
