using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim phonebook`: every entry with record number, name, number (and USIM e-mail and
/// additional number), as a table, CSV, JSON or vCard. If the card goes away mid-way, what was
/// read is still printed, then the error (exit 1).
/// </summary>
internal static class SimPhonebookCommand
{
    public static Command Create(CliOutput output)
    {
        var options = new SimOptions();
        var format = new Option<string>("--format", "-f") { Description = "table, csv, json or vcard.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "vcard");
        var all = new Option<bool>("--all") { Description = "Include empty records." };
        var stats = new Option<bool>("--stats") { Description = "Print the number of APDUs and the time the dump took to stderr." };
        var command = new Command("phonebook", "List the phone book (EF_ADN, with EXT1, and the USIM e-mail/ANR files).") { format, all, stats };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var entries = new List<PhonebookEntry>();
                Exception? failure = null;
                var apdusBefore = sim.ApduCount;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    foreach (var entry in sim.ReadPhonebook(Progress(output), parse.GetValue(all)))
                        entries.Add(entry);
                }
                catch (Exception e) when (e is CardChannelException or CardStatusException or CardKitFormatException)
                {
                    failure = e;
                }
                finally
                {
                    if (output.ErrorIsTerminal)
                        output.Error.Write("\r\u001b[K");
                }
                if (parse.GetValue(stats))
                    output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"dump: {entries.Count} entries, {sim.ApduCount - apdusBefore} APDUs, {clock.Elapsed.TotalMilliseconds:0.0} ms"));
                if (failure is null || entries.Count > 0)
                    Write(output, parse.GetValue(format)!, entries);
                if (failure is not null && entries.Count == 0)
                    throw failure;
                if (failure is not null)
                    throw new CliException(ExitCodes.CardOrDataError, $"reading stopped after {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}: {failure.Message}", failure);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>A one-line progress indicator on stderr, only when stderr is a terminal.</summary>
    public static Action<int, int>? Progress(CliOutput output) => output.ErrorIsTerminal
        ? (done, total) =>
        {
            if (done == total || done % 5 == 0)
                output.Error.Write($"\rreading record {done}/{total} [{new string('#', done * 30 / total),-30}]");
        }
        : null;

    public static void Write(CliOutput output, string format, List<PhonebookEntry> entries)
    {
        switch (format)
        {
            case "csv":
                ContactCsv.Write(output.Out, entries);
                break;
            case "vcard":
                VCard.Write(output.Out, entries);
                break;
            case "json":
                output.WriteJson(w =>
                {
                    w.WriteStartArray();
                    foreach (var e in entries)
                        WriteEntry(w, e);
                    w.WriteEndArray();
                });
                break;
            default:
                WriteTable(output, entries);
                break;
        }
    }

    private static void WriteTable(CliOutput output, List<PhonebookEntry> entries)
    {
        if (entries.Count == 0)
        {
            output.Out.WriteLine("(no entries)");
            return;
        }
        var nameWidth = Math.Max(4, entries.Max(e => DisplayWidth(e.Adn.Name)));
        var numberWidth = Math.Max(6, entries.Max(e => e.Adn.DisplayNumber.Length));
        output.Out.WriteLine($"{"#",4}  {"Name".PadRight(nameWidth)}  {"Number".PadRight(numberWidth)}  Extra");
        foreach (var e in entries)
        {
            var extra = new List<string>();
            if (e.Email is { } email)
                extra.Add("email " + email);
            if (e.AdditionalNumber is { } anr)
                extra.Add("anr " + anr);
            if (e.Adn.NonConforming)
                extra.Add("non-conforming name coding (read as Latin-1)");
            if (e.Adn.Error is { } error)
                extra.Add("error: " + error);
            var name = e.Adn.Name + new string(' ', nameWidth - DisplayWidth(e.Adn.Name));
            output.Out.WriteLine($"{e.Position,4}  {name}  {e.Adn.DisplayNumber.PadRight(numberWidth)}  {string.Join("; ", extra)}".TrimEnd());
        }
    }

    // Terminal columns: East Asian wide and fullwidth characters take two (Unicode UAX #11).
    private static int DisplayWidth(string text) => text.Sum(c => c switch
    {
        >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' => 2,
        _ => 1,
    });

    public static void WriteEntry(Utf8JsonWriter w, PhonebookEntry e)
    {
        w.WriteStartObject();
        w.WriteNumber("record", e.RecordNumber);
        w.WriteNumber("set", e.Set);
        w.WriteString("name", e.Adn.Name);
        w.WriteString("number", e.Adn.DisplayNumber);
        w.WriteString("nameCoding", e.Adn.NameCoding.ToString());
        w.WriteString("tonNpi", e.Adn.TonNpi.ToString("X2", CultureInfo.InvariantCulture));
        if (e.Email is not null)
            w.WriteString("email", e.Email);
        if (e.AdditionalNumber is not null)
            w.WriteString("additionalNumber", e.AdditionalNumber);
        w.WriteBoolean("nonConforming", e.Adn.NonConforming);
        if (e.Adn.Error is not null)
            w.WriteString("error", e.Adn.Error);
        w.WriteEndObject();
    }
}
