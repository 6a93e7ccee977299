using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CardKit.Iso7816;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit send`: one or more APDUs with T=0 response handling (61xx, 6Cxx, 9Fxx) unless --raw;
/// `--repeat N` measures round-trip latency the way a stress test should (min, median, p99, rate).
/// Exit code 1 when a status word reports an error (anything but 90xx, 91xx, 61xx, 62xx, 9Fxx).
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
            var commands = ParseApdus(parse.GetValue(apdus)!);
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

    /// <summary>Each argument is one APDU; a malformed one is a usage error naming it.</summary>
    public static List<byte[]> ParseApdus(IEnumerable<string> arguments)
    {
        var result = new List<byte[]>();
        var n = 0;
        foreach (var text in arguments)
        {
            n++;
            try
            {
                var bytes = Hex.Parse(text);
                CommandApdu.Parse(bytes);
                result.Add(bytes);
            }
            catch (CardKitFormatException e)
            {
                throw CliException.Usage($"APDU {n} (\"{text}\"): {e.Message}");
            }
        }
        return result;
    }

    public static bool IsError(StatusWord sw) => sw.Sw1 is not (0x90 or 0x91 or 0x61 or 0x62 or 0x9F);

    public static StatusWordContext ContextFor(ReadOnlySpan<byte> command) =>
        command[0] == 0xA0 ? StatusWordContext.Gsm : StatusWordContext.Iso7816;

    private static int SendOnce(CardSession session, List<byte[]> commands, CliOutput output, bool json)
    {
        var failed = false;
        var results = new List<(byte[] Command, ResponseApdu Response)>();
        foreach (var apdu in commands)
        {
            var response = session.Transmit(apdu);
            failed |= IsError(response.StatusWord);
            if (json)
            {
                results.Add((apdu, response));
                continue;
            }
            output.Out.WriteLine($"> {TextTraceObserver.FormatCommand(apdu)}");
            output.Out.WriteLine($"< {FormatResponse(response, ContextFor(apdu))}");
        }
        if (json)
            WriteJson(output, results);
        return failed ? ExitCodes.CardOrDataError : ExitCodes.Ok;
    }

    public static string FormatResponse(ResponseApdu response, StatusWordContext context)
    {
        var data = response.Data.IsEmpty ? "" : Hex.Format(response.Data) + " ";
        return $"{data}{response.StatusWord}: {response.StatusWord.Describe(context)}";
    }

    private static void WriteJson(CliOutput output, List<(byte[] Command, ResponseApdu Response)> results)
    {
        output.WriteJson(w =>
        {
            w.WriteStartArray();
            foreach (var (apdu, response) in results)
            {
                w.WriteStartObject();
                w.WriteString("command", TextTraceObserver.FormatCommand(apdu));
                w.WriteString("data", Hex.Format(response.Data));
                w.WriteString("sw", response.StatusWord.ToString());
                w.WriteString("meaning", response.StatusWord.Describe(ContextFor(apdu)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static int Repeat(CardSession session, List<byte[]> commands, int count, CliOutput output, bool json)
    {
        var response = new byte[ICardChannel.MaxExtendedResponse];
        var latencies = new double[count * commands.Count];
        var failed = false;
        var total = Stopwatch.StartNew();
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            foreach (var apdu in commands)
            {
                var start = Stopwatch.GetTimestamp();
                var length = session.Transmit(apdu, response);
                latencies[k++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                failed |= IsError(new StatusWord(response[length - 2], response[length - 1]));
            }
        }
        total.Stop();
        var stats = LatencyStats.From(latencies, total.Elapsed);
        if (json)
            output.Out.WriteLine(stats.ToJson());
        else
            output.Out.WriteLine(stats.ToText(session.Channel.ReaderName));
        return failed ? ExitCodes.CardOrDataError : ExitCodes.Ok;
    }
}

/// <summary>Round-trip statistics of a `send --repeat` run, in microseconds.</summary>
internal sealed record LatencyStats(int Count, double Min, double Median, double P99, double Max, double Mean, double PerSecond)
{
    public static LatencyStats From(double[] microseconds, TimeSpan total)
    {
        var sorted = microseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencyStats(sorted.Length, sorted[0], At(0.5), At(0.99), sorted[^1], sorted.Average(), sorted.Length / total.TotalSeconds);
    }

    public string ToText(string reader) => string.Create(CultureInfo.InvariantCulture,
        $"{Count} APDUs to {reader}: min {Min:0.0} us, median {Median:0.0} us, p99 {P99:0.0} us, max {Max:0.0} us, mean {Mean:0.0} us; {PerSecond:0} APDUs/s");

    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"apdus\": {Count}, \"minUs\": {Min:0.###}, \"medianUs\": {Median:0.###}, \"p99Us\": {P99:0.###}, \"maxUs\": {Max:0.###}, \"meanUs\": {Mean:0.###}, \"apdusPerSecond\": {PerSecond:0.#}}}");
}
