using System.CommandLine;
using System.Globalization;
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
                var apdusBefore = sim.ApduCount;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var entries = new List<PhonebookEntry>();
                var failure = SimProgress.Run(output, show: parse.GetValue(format) != "json", "reading records", progress =>
                {
                    try
                    {
                        foreach (var entry in sim.ReadPhonebook(progress, parse.GetValue(all)))
                            entries.Add(entry);
                        return null;
                    }
                    catch (Exception e) when (e is CardChannelException or CardStatusException or CardKitFormatException)
                    {
                        return e;
                    }
                });
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

    private static void Write(CliOutput output, string format, List<PhonebookEntry> entries)
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
                output.WriteJson<IReadOnlyList<PhonebookRow>>([.. entries.Select(PhonebookRow.From)], CardKitJsonContext.Default.IReadOnlyListPhonebookRow);
                break;
            default:
                PhonebookTable.Write(output.Out, entries);
                break;
        }
    }
}
