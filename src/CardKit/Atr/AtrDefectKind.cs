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
