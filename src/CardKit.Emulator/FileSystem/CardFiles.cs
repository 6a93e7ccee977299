namespace CardKit.Emulator.FileSystem;

/// <summary>Who may read or update a file (GSM 11.11 §9.3 access conditions, simplified to what the cards use).</summary>
public enum AccessRule
{
    Always,
    Pin1,
    Pin2,
    Adm,
    Never,
}

/// <summary>EF structures (ISO/IEC 7816-4:2020 §7.3.1).</summary>
public enum EfStructure
{
    Transparent,
    LinearFixed,
    Cyclic,
}

/// <summary>A file in a virtual card's file system.</summary>
public abstract class CardFile(ushort fid)
{
    public ushort Fid { get; } = fid;

    public DedicatedFile? Parent { get; internal set; }

    /// <summary>Path from the MF, e.g. "3F00/7F10/6F3A".</summary>
    public string Path => Parent is null ? Fid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
        : Parent.Path + "/" + Fid.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>MF, DF or ADF (an ADF carries its application identifier).</summary>
public sealed class DedicatedFile(ushort fid, byte[]? aid = null) : CardFile(fid)
{
    private readonly List<CardFile> _children = [];

    public byte[]? Aid { get; } = aid;

    public IReadOnlyList<CardFile> Children => _children;

    public T Add<T>(T file)
        where T : CardFile
    {
        if (_children.Any(c => c.Fid == file.Fid))
            throw new ArgumentException($"{Path} already has a file {file.Fid:X4}", nameof(file));
        file.Parent = this;
        _children.Add(file);
        return file;
    }

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

    public EfStructure Structure { get; }

    public int RecordLength { get; }

    /// <summary>Content of a transparent EF.</summary>
    public byte[] Data { get; }

    /// <summary>Records of a linear fixed or cyclic EF, each <see cref="RecordLength"/> bytes.</summary>
    public List<byte[]> Records { get; }

    public AccessRule Read { get; init; } = AccessRule.Always;

    public AccessRule Update { get; init; } = AccessRule.Adm;

    /// <summary>Short EF identifier (TS 102 221 §8.3), 0 when none.</summary>
    public byte Sfi { get; init; }

    /// <summary>The same file with a short EF identifier.</summary>
    public ElementaryFile WithSfi(byte sfi) => new(Fid, Structure, RecordLength, Data, Records) { Read = Read, Update = Update, Sfi = sfi };

    public int Size => Structure == EfStructure.Transparent ? Data.Length : RecordLength * Records.Count;

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
