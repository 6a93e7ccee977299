namespace CardKit.Emulator.FileSystem;

/// <summary>An EF: transparent bytes or fixed-length records.</summary>
public sealed class ElementaryFile : CardFile
{
    private ElementaryFile(ushort fid, EfStructure structure, int recordLength, byte[] data, List<byte[]> records)
        : base(fid)
    {
        Structure = structure;
        RecordLength = recordLength;
        Data = data;
        Records = records;
    }

    /// <summary>Whether the EF is transparent, linear fixed or cyclic.</summary>
    public EfStructure Structure { get; }

    /// <summary>Record length in bytes (1 to 255); 0 for a transparent EF.</summary>
    public int RecordLength { get; }

    /// <summary>Content of a transparent EF.</summary>
    public byte[] Data { get; }

    /// <summary>Records of a linear fixed or cyclic EF, each <see cref="RecordLength"/> bytes.</summary>
    public List<byte[]> Records { get; }

    /// <summary>Who may read the EF (READ BINARY/RECORD); default <see cref="AccessRule.Always"/>.</summary>
    public AccessRule Read { get; init; } = AccessRule.Always;

    /// <summary>Who may update the EF (UPDATE BINARY/RECORD); default <see cref="AccessRule.Adm"/>.</summary>
    public AccessRule Update { get; init; } = AccessRule.Adm;

    /// <summary>Short EF identifier (TS 102 221 §8.3), 0 when none.</summary>
    public byte Sfi { get; init; }

    /// <summary>The same file with a short EF identifier.</summary>
    public ElementaryFile WithSfi(byte sfi) => new(Fid, Structure, RecordLength, Data, Records) { Read = Read, Update = Update, Sfi = sfi };

    /// <summary>File size in bytes: the data length, or record length times record count.</summary>
    public int Size => Structure == EfStructure.Transparent ? Data.Length : RecordLength * Records.Count;

    /// <summary>A transparent EF holding <paramref name="data"/> (the array itself, not a copy).</summary>
    public static ElementaryFile Transparent(ushort fid, byte[] data, AccessRule read = AccessRule.Always, AccessRule update = AccessRule.Adm) =>
        new(fid, EfStructure.Transparent, 0, data, []) { Read = read, Update = update };

    /// <summary>A record file; records shorter than <paramref name="recordLength"/> are padded with FF, missing ones are all FF.</summary>
    public static ElementaryFile LinearFixed(ushort fid, int recordLength, int recordCount, IEnumerable<byte[]>? records = null,
        AccessRule read = AccessRule.Always, AccessRule update = AccessRule.Adm, EfStructure structure = EfStructure.LinearFixed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recordLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recordLength, 255);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recordCount, 254);
        var list = new List<byte[]>();
        foreach (var r in records ?? [])
        {
            if (r.Length > recordLength)
                throw new ArgumentException($"EF {fid:X4}: record {list.Count + 1} has {r.Length} bytes, record length is {recordLength}");
            var padded = Enumerable.Repeat((byte)0xFF, recordLength).ToArray();
            r.CopyTo(padded, 0);
            list.Add(padded);
        }
        if (list.Count > recordCount)
            throw new ArgumentException($"EF {fid:X4}: {list.Count} records given, the file holds {recordCount}");
        while (list.Count < recordCount)
            list.Add(Enumerable.Repeat((byte)0xFF, recordLength).ToArray());
        return new ElementaryFile(fid, structure, recordLength, [], list) { Read = read, Update = update };
    }
}
