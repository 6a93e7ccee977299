namespace CardKit.Sim;

/// <summary>How an alpha identifier (or an e-mail field, coded the same way) is coded.</summary>
public enum AlphaCoding
{
    /// <summary>GSM 7-bit default alphabet, one character per byte (TS 23.038 §6.2.1).</summary>
    Gsm7,
    /// <summary>UCS2, first byte 0x80 (ETSI TS 102 221 Annex A, first scheme).</summary>
    Ucs2,
    /// <summary>First byte 0x81: count, 8-bit half-page base (TS 102 221 Annex A, second scheme).</summary>
    Ucs2HalfPage,
    /// <summary>First byte 0x82: count, 16-bit base (TS 102 221 Annex A, third scheme).</summary>
    Ucs2Base,
    /// <summary>Bytes with bit 8 set in a GSM field: written by a non-conforming tool, read as Latin-1.</summary>
    Latin1,
    /// <summary>An e-mail field written in ASCII by a non-conforming tool ('@' as 0x40, which the GSM alphabet reads as '¡'), read as ASCII.</summary>
    Ascii,
}
