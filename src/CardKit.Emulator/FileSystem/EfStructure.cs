namespace CardKit.Emulator.FileSystem;

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
