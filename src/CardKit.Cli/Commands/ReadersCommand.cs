using System.CommandLine;
using System.Text.Json;
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
            if (parse.GetValue(json))
                WriteJson(output, readers);
            else
                WriteText(output, readers);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(CliOutput output, IReadOnlyList<ReaderSnapshot> readers)
    {
        if (readers.Count == 0)
            output.Out.WriteLine("No PC/SC reader (pcscd runs). Plug one in or start `cardkit emulate sim`.");
        var width = readers.Count == 0 ? 0 : readers.Max(r => r.Name.Length);
        for (var i = 0; i < readers.Count; i++)
        {
            var r = readers[i];
            var state = Describe(r);
            var atr = r.CardPresent ? "  " + Hex.Format(r.Atr) : "";
            output.Out.WriteLine($"{i,2}  {r.Name.PadRight(width)}  {state,-14}{atr}".TrimEnd());
        }
        output.Out.WriteLine($"In-process virtual cards: {string.Join(", ", CardReaders.VirtualCardDesignations)} (--reader emu:sim)");
    }

    private static string Describe(ReaderSnapshot r) => r switch
    {
        { CardPresent: true, Exclusive: true } => "card (exclusive)",
        { CardPresent: true, InUse: true } => "card (in use)",
        { CardPresent: true } => "card",
        _ when r.State.HasFlag(ReaderStates.Mute) => "mute card",
        _ when r.State.HasFlag(ReaderStates.Unavailable) => "unavailable",
        _ => "empty",
    };

    private static void WriteJson(CliOutput output, IReadOnlyList<ReaderSnapshot> readers)
    {
        output.WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("readers");
            for (var i = 0; i < readers.Count; i++)
            {
                var r = readers[i];
                w.WriteStartObject();
                w.WriteNumber("index", i);
                w.WriteString("name", r.Name);
                w.WriteBoolean("cardPresent", r.CardPresent);
                w.WriteString("state", Describe(r));
                if (r.CardPresent)
                    w.WriteString("atr", Hex.Format(r.Atr));
                else
                    w.WriteNull("atr");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("virtualCards");
            foreach (var designation in CardReaders.VirtualCardDesignations)
                w.WriteStringValue(designation);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
