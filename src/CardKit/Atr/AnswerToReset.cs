namespace CardKit.Atr;

/// <summary>What is wrong with an ATR. Defects are data: the parser decodes what it can and lists them.</summary>
public enum AtrDefectKind
{
    /// <summary>TS is neither 3B nor 3F.</summary>
    InvalidTs,
    /// <summary>Not an error: the bytes were captured raw in inverse convention (03 ...) and converted.</summary>
    ConvertedFromRawInverse,
    /// <summary>An interface byte announced by T0 or TDi is missing.</summary>
    MissingInterfaceByte,
    /// <summary>K announces more historical bytes than remain.</summary>
    HistoricalTruncated,
    /// <summary>A protocol other than T=0 is indicated but the check byte TCK is missing (ISO/IEC 7816-3:2006 §8.2.5).</summary>
    TckMissing,
    /// <summary>TCK does not make the XOR of T0..TCK zero; <see cref="AtrDefect.Expected"/> holds the right value.</summary>
    TckWrong,
    /// <summary>Bytes after the ATR (or after TCK): excluded from the TCK check.</summary>
    ExtraBytes,
    /// <summary>More than 33 bytes (ISO/IEC 7816-3:2006 §8.2.1).</summary>
    TooLong,
    /// <summary>A value the standard reserves (RFU Fi/Di, IFSC 0 or 255, ...).</summary>
    RfuValue,
}

/// <summary>One defect with where it is and, for a wrong TCK, the value expected.</summary>
public sealed record AtrDefect(AtrDefectKind Kind, int Offset, string Message, byte? Expected = null)
{
    /// <summary>False for the informational kind (a raw inverse capture that was converted).</summary>
    public bool IsError => Kind != AtrDefectKind.ConvertedFromRawInverse;
}

/// <summary>TAi, TBi, TCi or TDi: its letter, index i, value, offset in the ATR and the protocol T it belongs to.</summary>
public readonly record struct InterfaceByte(char Letter, int Index, byte Value, int Offset, int Protocol)
{
    /// <summary>"TA1", "TD2", ...</summary>
    public string Name => $"T{Letter}{Index}";
}

/// <summary>
/// A decoded Answer To Reset (ISO/IEC 7816-3:2006 §8.2): TS, T0, interface bytes with the protocol
/// each belongs to, historical bytes, TCK, and every defect found. Built by <see cref="AtrParser"/>.
/// </summary>
public sealed class AnswerToReset
{
    internal AnswerToReset(byte[] bytes, AtrConvention convention, InterfaceByte[] interfaceBytes, int historicalOffset,
        int historicalLength, int tckOffset, bool tckRequired, int[] protocols, List<AtrDefect> defects)
    {
        Bytes = bytes;
        Convention = convention;
        InterfaceBytes = interfaceBytes;
        HistoricalOffset = historicalOffset;
        HistoricalLength = historicalLength;
        TckOffset = tckOffset;
        TckRequired = tckRequired;
        Protocols = protocols;
        Defects = defects;
    }

    /// <summary>The ATR bytes (converted to logical values if they were captured raw in inverse convention).</summary>
    public byte[] Bytes { get; }

    /// <summary>The convention TS announces (inverse for a converted raw capture).</summary>
    public AtrConvention Convention { get; }

    /// <summary>TS, the initial character.</summary>
    public byte Ts => Bytes[0];

    /// <summary>T0 (format byte), or null when the ATR stops after TS.</summary>
    public byte? T0 => Bytes.Length > 1 ? Bytes[1] : null;

    /// <summary>K, the number of historical bytes announced by T0.</summary>
    public int HistoricalCount => T0 is { } t0 ? t0 & 0x0F : 0;

    /// <summary>TA1, TB1, ... in ATR order, each with the protocol it belongs to.</summary>
    public IReadOnlyList<InterfaceByte> InterfaceBytes { get; }

    /// <summary>Offset of the first historical byte.</summary>
    public int HistoricalOffset { get; }

    /// <summary>Historical bytes actually present (fewer than K when truncated).</summary>
    public int HistoricalLength { get; }

    /// <summary>The historical bytes present.</summary>
    public ReadOnlySpan<byte> HistoricalBytes => Bytes.AsSpan(HistoricalOffset, HistoricalLength);

    /// <summary>Offset of TCK, or -1 when absent.</summary>
    public int TckOffset { get; }

    /// <summary>TCK, or null when absent.</summary>
    public byte? Tck => TckOffset >= 0 ? Bytes[TckOffset] : null;

    /// <summary>ISO/IEC 7816-3:2006 §8.2.5: TCK is present unless only T=0 is indicated.</summary>
    public bool TckRequired { get; }

    /// <summary>Protocols announced in TD1, TD2, ... in order, without repeats; T=0 when no TD1 (§8.2.3).</summary>
    public IReadOnlyList<int> Protocols { get; }

    /// <summary>Everything wrong with the ATR, and informational notes; empty for a correct ATR.</summary>
    public IReadOnlyList<AtrDefect> Defects { get; }

    /// <summary>No defect except the informational raw-inverse conversion.</summary>
    public bool IsValid => Defects.All(d => !d.IsError);

    /// <summary>The interface byte, e.g. ('A', 1) for TA1; null when absent.</summary>
    public InterfaceByte? Get(char letter, int index)
    {
        foreach (var b in InterfaceBytes)
        {
            if (b.Letter == letter && b.Index == index)
                return b;
        }
        return null;
    }

    /// <summary>The bytes in spaced hex, "3B 8F 80 01 ...".</summary>
    public override string ToString() => Hex.Format(Bytes);
}
