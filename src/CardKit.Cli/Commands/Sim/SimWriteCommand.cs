using System.CommandLine;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim write FILE.vcf|FILE.csv`: the contacts planned by <see cref="PhonebookWritePlanner"/>,
/// then written record by record, each read back and compared. Nothing is written when the plan
/// has a problem; --dry-run prints the APDUs instead.
/// </summary>
internal static class SimWriteCommand
{
    public static Command Create(CliOutput output)
    {
        var options = new SimOptions();
        var file = new Argument<string>("file") { Description = "Contacts: a .vcf (vCard) or .csv file (header with name,number[,record])." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written and the exact APDUs; write nothing." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Allow replacing non-empty records." };
        var dropFields = new Option<bool>("--drop-fields") { Description = "Write contacts without the e-mail addresses or additional numbers this card cannot hold (each one is listed)." };
        var command = new Command("write", "Write contacts from a vCard or CSV file into the phone book, verifying every record.") { file, dryRun, overwrite, dropFields };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var contacts = ReadContacts(path);
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var plan = PhonebookWritePlanner.Plan(sim, contacts, parse.GetValue(overwrite), parse.GetValue(dropFields));
                if (!plan.CanWrite)
                    throw CliException.CardOrData("nothing was written:\n  " + string.Join("\n  ", plan.Problems.Select(Describe)));
                foreach (var note in plan.Dropped)
                    output.Out.WriteLine($"not written: {note.Message}");
                var dry = parse.GetValue(dryRun);
                SimProgress.Run(output, show: !dry && !SimProgress.OutIsTerminal(output), "writing records", progress =>
                {
                    for (var i = 0; i < plan.Writes.Count; i++)
                    {
                        var write = plan.Writes[i];
                        output.Out.WriteLine($"{(dry ? "would write" : "writing")} {write.File.Name} record {write.Record}: {write.Description}");
                        if (dry)
                            output.Out.WriteLine($"  > {Hex.Format(write.Apdu.Span)}");
                        else
                            sim.Write(write);
                        progress?.Invoke(i + 1, plan.Writes.Count);
                    }
                    return plan.Writes.Count;
                });
                output.Out.WriteLine(dry
                    ? $"dry run: {plan.Writes.Count} record(s) would be written; nothing was sent"
                    : $"{plan.Writes.Count} record(s) written and read back identical");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    // The library says what is wrong; the options that change it are the CLI's to name.
    private static string Describe(WriteProblem problem) => problem.Kind switch
    {
        WriteProblemKind.RecordInUse => problem.Message + "; use --overwrite to replace it",
        WriteProblemKind.FieldNotHeld => problem.Message + " (--drop-fields writes the contact without it)",
        _ => problem.Message,
    };

    private static List<Contact> ReadContacts(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ContactCsv.Parse(reader) : VCard.Parse(reader);
        }
        catch (FileNotFoundException)
        {
            throw CliException.Usage($"contacts file '{path}' not found");
        }
        catch (CardKitFormatException e)
        {
            throw CliException.CardOrData($"{path}: {e.Message}");
        }
    }
}
