namespace CardKit.Emulator.FileSystem;

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
