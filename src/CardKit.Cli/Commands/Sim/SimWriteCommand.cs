using System.CommandLine;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim write FILE.vcf|FILE.csv`: contacts into free records (or the record numbers the
/// file gives), the most compact name coding, EXT1 for long numbers, e-mail and additional number
/// into the USIM's companion files (<see cref="CompanionWrites"/>), every record read back and compared. Nothing is written when any
/// contact cannot be placed or has a field the card cannot hold (unless --drop-fields); a non-empty
/// record is only overwritten with --overwrite; --dry-run prints the APDUs instead.
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
                var dropped = new List<string>();
                var plan = Plan(sim, contacts, parse.GetValue(overwrite), parse.GetValue(dropFields) ? dropped : null);
                foreach (var note in dropped)
                    output.Out.WriteLine($"not written: {note}");
                var dry = parse.GetValue(dryRun);
                foreach (var step in plan)
                {
                    output.Out.WriteLine($"{(dry ? "would write" : "writing")} {step.File.Name} record {step.Record}: {step.Description}");
                    if (dry)
                        output.Out.WriteLine($"  > {Hex.Format(sim.UpdateRecordApdu(step.Record, step.Bytes))}");
                    else
                        sim.WriteRecord(step.File, step.Record, step.Bytes);
                }
                output.Out.WriteLine(dry
                    ? $"dry run: {plan.Count} record(s) would be written; nothing was sent"
                    : $"{plan.Count} record(s) written and read back identical");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

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

    internal sealed record WriteStep(RecordFileInfo File, int Record, byte[] Bytes, string Description);


    /// <summary>
    /// Places every contact or throws before anything is written. A field the card cannot hold is
    /// a problem, or with <paramref name="dropped"/> a note there.
    /// </summary>
    internal static List<WriteStep> Plan(SimSession sim, List<Contact> contacts, bool overwrite, List<string>? dropped = null)
    {
        var layout = sim.FindPhonebook();
        // Contacts go into the first set of phone book files (EF_PBR record 1).
        var existing = sim.ReadPhonebookSet(layout, includeEmpty: true).ToDictionary(e => e.RecordNumber);
        var freeAdn = new Queue<int>(existing.Values.Where(e => e.Adn.IsEmpty && e.Adn.ExtensionRecord == 0xFF).Select(e => e.RecordNumber)
            .Where(r => !contacts.Any(c => c.RecordNumber == r)));
        var freeExt = new Queue<byte>();
        if (layout.Ext1 is { } ext1)
        {
            var used = existing.Values.Where(e => !e.Adn.IsEmpty && e.Adn.ExtensionRecord != 0xFF).Select(e => e.Adn.ExtensionRecord).ToHashSet();
            var records = sim.ReadAllRecords(ext1);
            for (var i = 0; i < records.Count; i++)
            {
                if (records[i][0] == 0xFF && !used.Contains((byte)(i + 1)))
                    freeExt.Enqueue((byte)(i + 1));
            }
        }
        var steps = new List<WriteStep>();
        var problems = new List<string>();
        var companions = new CompanionWrites(sim, layout, steps, problems, dropped);
        var taken = new HashSet<int>();
        foreach (var contact in contacts)
        {
            var label = $"\"{contact.Name}\" {contact.Number}";
            int record;
            if (contact.RecordNumber is { } wanted)
            {
                if (wanted > layout.Adn.RecordCount)
                {
                    problems.Add($"{label}: record {wanted} does not exist (EF_ADN has {layout.Adn.RecordCount})");
                    continue;
                }
                if (!existing[wanted].Adn.IsEmpty && !overwrite)
                {
                    problems.Add($"{label}: record {wanted} holds \"{existing[wanted].Adn.Name}\"; use --overwrite to replace it");
                    continue;
                }
                record = wanted;
            }
            else if (!freeAdn.TryDequeue(out record))
            {
                problems.Add($"{label}: no free record left in EF_ADN");
                continue;
            }
            if (!taken.Add(record))
            {
                problems.Add($"{label}: record {record} is given twice");
                continue;
            }
            try
            {
                var needed = AdnRecord.ExtensionRecordsNeeded(contact.Number);
                var extIds = new List<byte>();
                for (var i = 0; i < needed; i++)
                {
                    if (layout.Ext1 is null || !freeExt.TryDequeue(out var id))
                        throw new ArgumentException("the number needs an EXT1 record and none is free");
                    extIds.Add(id);
                }
                var adn = AdnRecord.Encode(contact.Name, contact.Number, layout.Adn.RecordLength, extIds.Count > 0 ? extIds[0] : (byte)0xFF);
                var exts = Ext1Record.Encode(contact.Number, extIds);
                for (var i = 0; i < exts.Count; i++)
                    steps.Add(new WriteStep(layout.Ext1!, extIds[i], exts[i], $"digits 21+ of {label}"));
                var coding = AdnRecord.Decode(record, adn).NameCoding;
                steps.Add(new WriteStep(layout.Adn, record, adn, $"{label} ({coding})"));
                companions.Add(layout.Email, layout.EmailIapPosition, record, "e-mail", contact.Email, label,
                    length => AlphaIdentifier.Encode(contact.Email!, length));
                companions.Add(layout.Anr, layout.AnrIapPosition, record, "additional number", contact.AdditionalNumber, label,
                    length => AdnRecord.ExtensionRecordsNeeded(contact.AdditionalNumber!) == 0
                        ? AdnRecord.Encode("", contact.AdditionalNumber!, length) // AAS 'FF', then the number fields of an ADN record
                        : throw new ArgumentException($"the additional number {contact.AdditionalNumber} has more than 20 digits, which EF_ANR holds only with EXT1 (not written)"));
            }
            catch (ArgumentException e)
            {
                problems.Add($"{label}: {e.Message}");
            }
        }
        companions.Finish();
        if (problems.Count > 0)
            throw CliException.CardOrData("nothing was written:\n  " + string.Join("\n  ", problems));
        return steps;
    }
}
