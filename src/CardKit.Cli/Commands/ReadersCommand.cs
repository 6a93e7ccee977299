using System.CommandLine;
using CardKit.Hosting;
using CardKit.Pcsc;

namespace CardKit.Cli.Commands;

/// <summary>`cardkit readers`: PC/SC readers with card state and ATR, plus the built-in virtual cards.</summary>
internal static class ReadersCommand
{
    public static Command Create(CliOutput output)
    {
        var json = CardOptions.Json();
        var command = new Command("readers", "List PC/SC readers, whether a card is in each, and its ATR.") { json };
        command.SetAction(parse =>
        {
            IReadOnlyList<ReaderSnapshot> readers;
            using (var context = PcscContext.Establish())
                readers = context.GetReaderStates();
            var report = ReadersReport.Of(readers);
            if (parse.GetValue(json))
                output.WriteJson(report, HostingJsonContext.Default.ReadersReport);
            else
                WriteText(output, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(CliOutput output, ReadersReport report)
    {
        var readers = report.Readers;
        if (readers.Count == 0)
            output.Out.WriteLine("No PC/SC reader (pcscd runs). Plug one in or start `cardkit emulate sim`.");
        var width = readers.Count == 0 ? 0 : readers.Max(r => r.Name.Length);
        foreach (var r in readers)
        {
            var atr = r.Atr is null ? "" : "  " + r.Atr;
            output.Out.WriteLine($"{r.Index,2}  {r.Name.PadRight(width)}  {r.State,-14}{atr}".TrimEnd());
        }
        output.Out.WriteLine($"In-process virtual cards: {string.Join(", ", report.VirtualCards)} (--reader emu:sim)");
    }
}
