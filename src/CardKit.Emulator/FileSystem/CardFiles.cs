namespace CardKit.Emulator.FileSystem;

/// <summary>Who may read or update a file (GSM 11.11 §9.3 access conditions, simplified to what the cards use).</summary>
public enum AccessRule
{
    /// <summary>Anyone, no PIN needed (ALW).</summary>
    Always,
    /// <summary>After PIN1 (CHV1) is verified, or while it is disabled.</summary>
    Pin1,
    /// <summary>After PIN2 (CHV2) is verified, or while it is disabled.</summary>
    Pin2,
    /// <summary>Administrative key only; the virtual cards never grant it from outside.</summary>
    Adm,
    /// <summary>Nobody (NEV).</summary>
    Never,
}

/// <summary>EF structures (ISO/IEC 7816-4:2020 §7.3.1).</summary>
public enum EfStructure
{
    /// <summary>A byte string read and updated by offset (READ/UPDATE BINARY).</summary>
    Transparent,
    /// <summary>Numbered records of one fixed length (READ/UPDATE RECORD).</summary>
    LinearFixed,
    /// <summary>Fixed-length records in a ring; the oldest is overwritten first.</summary>
    Cyclic,
}

/// <summary>A file in a virtual card's file system.</summary>
public abstract class CardFile(ushort fid)
{
    /// <summary>The 2-byte file identifier, e.g. 3F00 for the MF (ISO/IEC 7816-4:2020 §7.2.1).</summary>
    public ushort Fid { get; } = fid;

    /// <summary>The DF that holds this file; null for the MF or a file not yet added to a DF.</summary>
    public DedicatedFile? Parent { get; internal set; }

    /// <summary>Path from the MF, e.g. "3F00/7F10/6F3A".</summary>
    public string Path => Parent is null ? Fid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
        : Parent.Path + "/" + Fid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>MF, DF or ADF (an ADF carries its application identifier).</summary>
public sealed class DedicatedFile(ushort fid, byte[]? aid = null) : CardFile(fid)
{
    private readonly List<CardFile> _children = [];

    /// <summary>The application identifier (5 to 16 bytes) of an ADF; null for the MF and a plain DF.</summary>
    public byte[]? Aid { get; } = aid;

    /// <summary>The DFs and EFs directly under this DF, in the order they were added.</summary>
    public IReadOnlyList<CardFile> Children => _children;

    /// <summary>Adds <paramref name="file"/> as a child and returns it, for chaining.</summary>
    /// <exception cref="ArgumentException">This DF already has a child with the same <see cref="CardFile.Fid"/>.</exception>
    public T Add<T>(T file)
        where T : CardFile
    {
        if (_children.Any(c => c.Fid == file.Fid))
            throw new ArgumentException($"{Path} already has a file {file.Fid:X4}", nameof(file));
        file.Parent = this;
        _children.Add(file);
        return file;
    }

    /// <summary>The direct child with <paramref name="fid"/>, or null.</summary>
    public CardFile? Child(ushort fid)
    {
        foreach (var child in _children)
        {
            if (child.Fid == fid)
                return child;
        }
        return null;
    }

    /// <summary>A child DF with <paramref name="fid"/>, or null.</summary>
    public DedicatedFile? ChildDf(ushort fid) => Child(fid) as DedicatedFile;

    /// <summary>All DFs below this one, depth first; this DF itself is not included.</summary>
    public IEnumerable<DedicatedFile> Descendants()
    {
        foreach (var df in _children.OfType<DedicatedFile>())
        {
            yield return df;
            foreach (var d in df.Descendants())
                yield return d;
        }
    }
}

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
