namespace CardKit.Atr;

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
