using System.CommandLine;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim write FILE.vcf|FILE.csv`: contacts into free records (or the record numbers the
/// file gives), the most compact name coding, EXT1 for long numbers, every record read back and
/// compared. Nothing is written when any contact cannot be placed; a non-empty record is only
/// overwritten with --overwrite; --dry-run prints the APDUs instead.
/// </summary>
internal static class SimWriteCommand
{
    public static Command Create(CliOutput output)
    {
        var options = new SimOptions();
        var file = new Argument<string>("file") { Description = "Contacts: a .vcf (vCard) or .csv file (header with name,number[,record])." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written and the exact APDUs; write nothing." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Allow replacing non-empty records." };
        var command = new Command("write", "Write contacts from a vCard or CSV file into the phone book, verifying every record.") { file, dryRun, overwrite };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var contacts = ReadContacts(path);
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var plan = Plan(sim, contacts, parse.GetValue(overwrite));
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

    // A type 1 EF_EMAIL record belongs to the ADN record of the same number (TS 31.102 §4.4.2.1):
    // it gets the contact's address, or is emptied so that an earlier occupant's address does not
    // stay attached. The address is coded like an alpha identifier (TS 31.102 §4.4.2, EF_EMAIL).
    private static WriteStep? EmailStep(PhonebookLayout layout, int record, Contact contact, string label)
    {
        if (layout.Email is not { } file)
        {
            return contact.Email is null ? null
                : throw new ArgumentException($"this card has no e-mail file for {contact.Email}");
        }
        if (layout.EmailIapPosition is not null)
        {
            return contact.Email is null ? null
                : throw new ArgumentException("e-mail addresses on this card are type 2 (through EF_IAP), which sim write does not write yet; remove EMAIL from the contact");
        }
        if (record > file.RecordCount)
        {
            return contact.Email is null ? null
                : throw new ArgumentException($"{file.Name} has {file.RecordCount} records, so record {record} has no e-mail");
        }
        var bytes = contact.Email is { } email ? AlphaIdentifier.Encode(email, file.RecordLength) : Enumerable.Repeat((byte)0xFF, file.RecordLength).ToArray();
        return new WriteStep(file, record, bytes, contact.Email is null ? $"no e-mail for {label}" : $"e-mail {contact.Email} of {label}");
    }

    /// <summary>Places every contact or throws before anything is written.</summary>
    internal static List<WriteStep> Plan(SimSession sim, List<Contact> contacts, bool overwrite)
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
                if (EmailStep(layout, record, contact, label) is { } email)
                    steps.Add(email);
            }
            catch (ArgumentException e)
            {
                problems.Add($"{label}: {e.Message}");
            }
        }
        if (problems.Count > 0)
            throw CliException.CardOrData("nothing was written:\n  " + string.Join("\n  ", problems));
        return steps;
    }
}
