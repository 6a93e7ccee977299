namespace CardKit.Sim;

/// <summary>
/// The e-mail and additional-number records a write plan changes for each ADN record it writes
/// (TS 31.102 §4.4.2.1). Type 1: record n of the companion belongs to ADN record n. Type 2: byte
/// <c>position</c> of EF_IAP record n names the companion record, which ends with the ADN SFI and
/// n; new values take a free record, removed ones free theirs, and each changed EF_IAP record is
/// written once, after the records it points to. A value the card cannot hold is a problem, or a
/// note in <c>dropped</c> when the caller lets such fields go.
/// </summary>
internal sealed class CompanionWrites(SimSession sim, PhonebookLayout layout, List<PlannedWrite> writes, List<WriteProblem> problems, List<WriteProblem>? dropped)
{
    private List<byte[]>? _iap;
    private readonly SortedSet<int> _iapChanged = [];
    private readonly Dictionary<ushort, Queue<int>> _free = [];

    public void Add(Contact contact, RecordFileInfo? file, int? iapPosition, int record, string kind, string? value, Func<int, byte[]> encode)
    {
        var label = Labels.Of(contact);
        var cannot = file is null ? $"this card has no {kind} file"
            : iapPosition is null && record > file.RecordCount ? $"{file.Name} has only {file.RecordCount} records"
            : iapPosition is not null && layout.AdnSfi is null ? $"{file.Name} is a type 2 file and EF_PBR gives no SFI for EF_ADN, which its records must name"
            : iapPosition is not null && record > layout.Iap!.RecordCount ? $"{layout.Iap.Name} has only {layout.Iap.RecordCount} records"
            : null;
        if (cannot is not null)
        {
            if (value is not null)
                (dropped ?? problems).Add(new WriteProblem(contact, WriteProblemKind.FieldNotHeld, $"{kind} {value}: {cannot}"));
            return;
        }
        if (iapPosition is { } position)
        {
            Type2(contact, file!, position, record, kind, value, encode);
            return;
        }
        // Type 1: emptied when the contact has no value, so that an earlier occupant's stays not attached.
        writes.Add(value is null
            ? PhonebookWritePlanner.Step(sim, file!, record, Empty(file!.RecordLength), $"no {kind} for {label}")
            : PhonebookWritePlanner.Step(sim, file!, record, encode(file!.RecordLength), $"{kind} {value} of {label}"));
    }

    /// <summary>The changed EF_IAP records, each once, after the records they point to.</summary>
    public void Finish()
    {
        foreach (var record in _iapChanged)
            writes.Add(PhonebookWritePlanner.Step(sim, layout.Iap!, record, [.. _iap![record - 1]], $"{layout.Iap!.Name} links of record {record}"));
    }

    private void Type2(Contact contact, RecordFileInfo file, int position, int record, string kind, string? value, Func<int, byte[]> encode)
    {
        var label = Labels.Of(contact);
        _iap ??= sim.ReadAllRecords(layout.Iap!);
        var row = _iap[record - 1];
        var current = position < row.Length ? row[position] : (byte)0xFF;
        var linked = current is not (0x00 or 0xFF) && current <= file.RecordCount;
        if (value is null)
        {
            if (!linked)
                return;
            writes.Add(PhonebookWritePlanner.Step(sim, file, current, Empty(file.RecordLength), $"no {kind} for {label} (frees the record)"));
            Link(record, position, 0xFF);
            return;
        }
        int target = current;
        if (!linked)
        {
            if (!Free(file, position).TryDequeue(out target))
            {
                problems.Add(new WriteProblem(contact, WriteProblemKind.NoFreeRecord, $"{kind} {value}: no free record left in {file.Name}"));
                return;
            }
            Link(record, position, (byte)target);
        }
        writes.Add(PhonebookWritePlanner.Step(sim, file, target, [.. encode(file.RecordLength - 2), layout.AdnSfi!.Value, (byte)record], $"{kind} {value} of {label}"));
    }

    // Records of a type 2 file that hold nothing and that no EF_IAP record points to.
    private Queue<int> Free(RecordFileInfo file, int position)
    {
        if (!_free.TryGetValue(file.Fid, out var free))
        {
            var used = _iap!.Where(r => position < r.Length).Select(r => (int)r[position]).ToHashSet();
            var records = sim.ReadAllRecords(file);
            free = new Queue<int>(Enumerable.Range(1, records.Count).Where(n => !used.Contains(n) && records[n - 1].All(b => b == 0xFF)));
            _free[file.Fid] = free;
        }
        return free;
    }

    private void Link(int record, int position, byte target)
    {
        _iap![record - 1][position] = target;
        _iapChanged.Add(record);
    }

    private static byte[] Empty(int length) => Enumerable.Repeat((byte)0xFF, length).ToArray();
}
