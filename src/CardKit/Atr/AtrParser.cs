namespace CardKit.Atr;

/// <summary>
/// Parses ATRs per ISO/IEC 7816-3:2006 §8.2. Anything that has at least a TS byte is decoded as far
/// as it goes; what is wrong becomes an <see cref="AtrDefect"/>. Only input that is not an ATR at all
/// (empty, not hex) is rejected.
/// </summary>
public static class AtrParser
{
    /// <summary>§8.2.1: at most 32 characters after TS.</summary>
    public const int MaxLength = 33;

    /// <exception cref="CardKitFormatException">The text is not hex or holds no byte.</exception>
    public static AnswerToReset Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var bytes = Hex.Parse(hex);
        if (bytes.Length == 0)
            throw new CardKitFormatException("an ATR needs at least the TS byte", 0);
        return Parse(bytes);
    }

    /// <summary>Parses hex text as an ATR; false (and null) when it is not hex or holds no byte. A defective ATR parses.</summary>
    public static bool TryParse(string hex, out AnswerToReset? atr)
    {
        atr = null;
        if (hex is null || !Hex.TryParse(hex, out var bytes) || bytes.Length == 0)
            return false;
        atr = Parse(bytes);
        return true;
    }

    /// <exception cref="CardKitFormatException">No byte at all.</exception>
    public static AnswerToReset Parse(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
            throw new CardKitFormatException("an ATR needs at least the TS byte", 0);
        var bytes = input.ToArray();
        var defects = new List<AtrDefect>(0);
        var convention = AtrConvention.Direct;
        switch (bytes[0])
        {
            case 0x3B:
                break;
            case 0x3F:
                convention = AtrConvention.Inverse;
                break;
            case 0x03:
                // §8.1: inverse convention sends complemented bits, most significant first. A capture of
                // the line (03 ...) becomes logical values by complementing and reversing each byte.
                for (var i = 0; i < bytes.Length; i++)
                    bytes[i] = ReverseBits((byte)~bytes[i]);
                convention = AtrConvention.Inverse;
                defects.Add(new AtrDefect(AtrDefectKind.ConvertedFromRawInverse, 0, null, "DefectRawInverse"));
                break;
            default:
                defects.Add(new AtrDefect(AtrDefectKind.InvalidTs, 0, null, "DefectInvalidTs", bytes[0]));
                break;
        }
        if (bytes.Length > MaxLength)
            defects.Add(new AtrDefect(AtrDefectKind.TooLong, MaxLength, null, "DefectTooLong", bytes.Length, MaxLength));
        if (bytes.Length < 2)
        {
            defects.Add(new AtrDefect(AtrDefectKind.MissingInterfaceByte, 1, null, "DefectT0Missing"));
            return new AnswerToReset(bytes, convention, [], 1, 0, -1, false, [0], defects);
        }

        var interfaceBytes = new List<InterfaceByte>(8);
        var protocols = new List<int>(2);
        var offset = 2;
        var y = bytes[1] >> 4;
        var index = 1;
        var protocol = -1; // bytes of level 1 and 2 are global or T=0 specific; from level 3 on they follow TD(i-1)
        var complete = true;
        while (y != 0 && complete)
        {
            for (var bit = 0; bit < 4; bit++)
            {
                if ((y & (1 << bit)) == 0)
                    continue;
                var letter = (char)('A' + bit);
                if (offset >= bytes.Length)
                {
                    var announcer = index == 1 ? "T0" : $"TD{index - 1}";
                    defects.Add(new AtrDefect(AtrDefectKind.MissingInterfaceByte, offset, null, "DefectInterfaceByteMissing", $"T{letter}{index}", announcer));
                    complete = false;
                    break;
                }
                interfaceBytes.Add(new InterfaceByte(letter, index, bytes[offset], offset, index >= 3 ? protocol : -1));
                offset++;
            }
            if (!complete)
                break;
            var td = interfaceBytes.Count > 0 && interfaceBytes[^1].Letter == 'D' && interfaceBytes[^1].Index == index ? interfaceBytes[^1].Value : (int?)null;
            if (td is null)
                break;
            protocol = td.Value & 0x0F;
            if (!protocols.Contains(protocol))
                protocols.Add(protocol);
            y = td.Value >> 4;
            index++;
        }

        var k = bytes[1] & 0x0F;
        var historicalOffset = Math.Min(offset, bytes.Length);
        var available = bytes.Length - historicalOffset;
        var historicalLength = Math.Min(k, available);
        if (complete && k > available)
            defects.Add(new AtrDefect(AtrDefectKind.HistoricalTruncated, bytes.Length, null, "DefectHistoricalTruncated", k, available, k - available));
        offset = historicalOffset + historicalLength;

        // §8.2.5: TCK is absent if only T=0 is indicated, present otherwise.
        var tckRequired = protocols.Any(t => t != 0);
        var tckOffset = -1;
        if (complete && k <= available)
        {
            if (tckRequired)
            {
                if (offset >= bytes.Length)
                {
                    defects.Add(new AtrDefect(AtrDefectKind.TckMissing, offset, Xor(bytes, 1, offset), "DefectTckMissing"));
                }
                else
                {
                    tckOffset = offset;
                    var expected = Xor(bytes, 1, offset);
                    if (bytes[offset] != expected)
                        defects.Add(new AtrDefect(AtrDefectKind.TckWrong, offset, expected, "DefectTckWrong", bytes[offset], expected));
                    offset++;
                }
            }
            if (offset < bytes.Length)
            {
                var extra = bytes.Length - offset;
                var wouldBeTck = !tckRequired && extra == 1 && Xor(bytes, 1, bytes.Length) == 0;
                defects.Add(new AtrDefect(AtrDefectKind.ExtraBytes, offset, null, wouldBeTck ? "DefectExtraBytesCorrectTck" : "DefectExtraBytes", extra));
            }
        }
        CheckRfu(interfaceBytes, defects);
        return new AnswerToReset(bytes, convention, [.. interfaceBytes], historicalOffset, historicalLength, tckOffset, tckRequired,
            protocols.Count == 0 ? [0] : [.. protocols], defects);
    }

    private static void CheckRfu(List<InterfaceByte> interfaceBytes, List<AtrDefect> defects)
    {
        foreach (var b in interfaceBytes)
        {
            if (b.Letter == 'A' && b.Index == 1)
            {
                if (AtrTables.Fi(b.Value >> 4) is null)
                    defects.Add(new AtrDefect(AtrDefectKind.RfuValue, b.Offset, null, "DefectFiRfu", b.Value >> 4));
                if (AtrTables.Di(b.Value & 0x0F) is null)
                    defects.Add(new AtrDefect(AtrDefectKind.RfuValue, b.Offset, null, "DefectDiRfu", b.Value & 0x0F));
            }
            else if (b.Letter == 'A' && b.Protocol == 1 && b.Value is 0x00 or 0xFF)
            {
                defects.Add(new AtrDefect(AtrDefectKind.RfuValue, b.Offset, null, "DefectIfscRfu", b.Name, b.Value));
            }
        }
    }

    internal static byte Xor(byte[] bytes, int from, int to)
    {
        byte x = 0;
        for (var i = from; i < to && i < bytes.Length; i++)
            x ^= bytes[i];
        return x;
    }

    private static byte ReverseBits(byte b)
    {
        var r = 0;
        for (var i = 0; i < 8; i++)
            r |= ((b >> i) & 1) << (7 - i);
        return (byte)r;
    }
}
