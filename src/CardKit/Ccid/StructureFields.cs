namespace CardKit.Ccid;

/// <summary>Helpers shared by the PIN structures: which field a truncated header lacks, the template's minimum.</summary>
internal static class StructureFields
{
    /// <summary>A PIN APDU template holds at least CLA INS P1 P2 (ISO/IEC 7816-3:2006 §12.1.2).</summary>
    public const int MinApduLength = 4;

    /// <summary>
    /// The error for <paramref name="structure"/> cut at <paramref name="length"/> bytes inside its header of
    /// <paramref name="headerLength"/> bytes; <paramref name="fields"/> lists each header field's offset and name.
    /// </summary>
    public static (string Error, int Offset) Truncated(string structure, ReadOnlySpan<(int Offset, string Name)> fields,
        int length, int headerLength)
    {
        var missing = fields[^1].Name;
        for (var i = 0; i < fields.Length; i++)
        {
            var end = i + 1 < fields.Length ? fields[i + 1].Offset : headerLength;
            if (end > length)
            {
                missing = fields[i].Name;
                break;
            }
        }
        return ($"{structure} is truncated: {missing} needs the bytes up to {headerLength}, only {length} present", length);
    }

    /// <summary>The error for a template shorter than the four header bytes, or null.</summary>
    public static (string Error, int Offset)? ShortTemplate(string structure, int templateOffset, int templateLength) =>
        templateLength >= MinApduLength
            ? null
            : ($"{structure}: the APDU template needs at least CLA INS P1 P2, got {templateLength} bytes",
                templateOffset + templateLength);

    /// <summary>
    /// How plausible <paramref name="apdu"/> is as a PIN command template (ISO/IEC 7816-3:2006 §12.1.3):
    /// 3 for a short Lc that matches the data after it, 2 for an extended Lc that does, 1 for a header with
    /// at most Le, 0 when the lengths contradict each other. A short Lc outranks an extended one because
    /// zero bytes before a short template (an empty bTeoPrologue, CLA 00) can read as an extended Lc.
    /// </summary>
    public static int ApduPlausibility(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < MinApduLength)
            return 0;
        var body = apdu[4..];
        if (body.Length <= 1)
            return 1;
        if (body[0] != 0)
            return body.Length == 1 + body[0] || body.Length == 2 + body[0] ? 3 : 0;
        if (body.Length == 3)
            return 1;
        if (body.Length < 3)
            return 0;
        var lc = (body[1] << 8) | body[2];
        return lc != 0 && (body.Length == 3 + lc || body.Length == 5 + lc) ? 2 : 0;
    }
}
