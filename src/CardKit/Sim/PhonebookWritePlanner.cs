namespace CardKit.Sim;

/// <summary>
/// Plans writing contacts into the first set of phone book files (EF_PBR record 1): free records
/// or the record numbers the contacts give, the most compact name coding, EXT1 chains for numbers
/// past 20 digits, and the e-mail and additional number in the USIM's companion files (type 1 by
/// record number, type 2 in free records linked through EF_IAP). It reads the card and writes
/// nothing; <see cref="SimSession.Write"/> writes a plan's records.
/// </summary>
public static class PhonebookWritePlanner
{
    /// <summary>
    /// Places every contact, or lists why not. A used record is only replaced with
    /// <paramref name="overwrite"/>; a field the card cannot hold is a problem, or with
    /// <paramref name="dropFields"/> a note in <see cref="PhonebookWritePlan.Dropped"/>.
    /// </summary>
    public static PhonebookWritePlan Plan(SimSession sim, IReadOnlyList<Contact> contacts, bool overwrite = false, bool dropFields = false)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(contacts);
        var layout = sim.FindPhonebook();
        var existing = sim.ReadPhonebookSet(layout, includeEmpty: true).ToDictionary(e => e.RecordNumber);
        var freeAdn = new Queue<int>(existing.Values.Where(e => e.Adn.IsEmpty && e.Adn.ExtensionRecord == 0xFF).Select(e => e.RecordNumber)
            .Where(r => !contacts.Any(c => c.RecordNumber == r)));
        var freeExt = FreeExtensionRecords(sim, layout, existing.Values);
        var writes = new List<PlannedWrite>();
        var problems = new List<WriteProblem>();
        var dropped = new List<WriteProblem>();
        var companions = new CompanionWrites(sim, layout, writes, problems, dropFields ? dropped : null);
        var taken = new HashSet<int>();
        foreach (var contact in contacts)
        {
            var label = Labels.Of(contact);
            int record;
            if (contact.RecordNumber is { } wanted)
            {
                if (wanted > layout.Adn.RecordCount)
                {
                    problems.Add(new WriteProblem(contact, WriteProblemKind.RecordDoesNotExist, $"record {wanted} does not exist (EF_ADN has {layout.Adn.RecordCount})"));
                    continue;
                }
                if (!existing[wanted].Adn.IsEmpty && !overwrite)
                {
                    problems.Add(new WriteProblem(contact, WriteProblemKind.RecordInUse, $"record {wanted} holds \"{existing[wanted].Adn.Name}\""));
                    continue;
                }
                record = wanted;
            }
            else if (!freeAdn.TryDequeue(out record))
            {
                problems.Add(new WriteProblem(contact, WriteProblemKind.NoFreeRecord, "no free record left in EF_ADN"));
                continue;
            }
            if (!taken.Add(record))
            {
                problems.Add(new WriteProblem(contact, WriteProblemKind.RecordGivenTwice, $"record {record} is given twice"));
                continue;
            }
            try
            {
                var needed = AdnRecord.ExtensionRecordsNeeded(contact.Number);
                var extIds = new List<byte>();
                for (var i = 0; i < needed; i++)
                {
                    if (layout.Ext1 is null || !freeExt.TryDequeue(out var id))
                    {
                        problems.Add(new WriteProblem(contact, WriteProblemKind.NoFreeRecord, "the number needs an EXT1 record and none is free"));
                        break;
                    }
                    extIds.Add(id);
                }
                if (extIds.Count < needed)
                    continue;
                var adn = AdnRecord.Encode(contact.Name, contact.Number, layout.Adn.RecordLength, extIds.Count > 0 ? extIds[0] : (byte)0xFF);
                var exts = Ext1Record.Encode(contact.Number, extIds);
                for (var i = 0; i < exts.Count; i++)
                    writes.Add(Step(sim, layout.Ext1!, extIds[i], exts[i], $"digits 21+ of {label}"));
                var coding = AdnRecord.Decode(record, adn).NameCoding;
                writes.Add(Step(sim, layout.Adn, record, adn, $"{label} ({coding})"));
                companions.Add(contact, layout.Email, layout.EmailIapPosition, record, "e-mail", contact.Email,
                    length => AlphaIdentifier.Encode(contact.Email!, length));
                companions.Add(contact, layout.Anr, layout.AnrIapPosition, record, "additional number", contact.AdditionalNumber,
                    length => AdnRecord.ExtensionRecordsNeeded(contact.AdditionalNumber!) == 0
                        ? AdnRecord.Encode("", contact.AdditionalNumber!, length) // AAS 'FF', then the number fields of an ADN record
                        : throw new ArgumentException($"the additional number {contact.AdditionalNumber} has more than 20 digits, which EF_ANR holds only with EXT1 (not written)"));
            }
            catch (ArgumentException e)
            {
                // The encoders say why a name or number does not fit (length, alphabet, digits).
                problems.Add(new WriteProblem(contact, WriteProblemKind.CannotEncode, e.Message));
            }
        }
        companions.Finish();
        return new PhonebookWritePlan(problems.Count == 0 ? writes : [], problems, dropped);
    }

    internal static PlannedWrite Step(SimSession sim, RecordFileInfo file, int record, byte[] bytes, string description) =>
        new(file, record, bytes, description, sim.UpdateRecordApdu(record, bytes));

    // EXT1 records that hold nothing ('FF' type) and that no used ADN record points to.
    private static Queue<byte> FreeExtensionRecords(SimSession sim, PhonebookLayout layout, IEnumerable<PhonebookEntry> existing)
    {
        var free = new Queue<byte>();
        if (layout.Ext1 is not { } ext1)
            return free;
        var used = existing.Where(e => !e.Adn.IsEmpty && e.Adn.ExtensionRecord != 0xFF).Select(e => e.Adn.ExtensionRecord).ToHashSet();
        var records = sim.ReadAllRecords(ext1);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i][0] == 0xFF && !used.Contains((byte)(i + 1)))
                free.Enqueue((byte)(i + 1));
        }
        return free;
    }
}
