namespace CardKit.Emulator.FileSystem;

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
