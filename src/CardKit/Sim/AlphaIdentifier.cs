using System.Buffers.Binary;
using System.Text;

namespace CardKit.Sim;

/// <summary>
/// Alpha identifiers of SIM records (GSM 11.11 §10.5.1, TS 31.102 §4.4.2.3) in the GSM default
/// alphabet or the three UCS2 schemes of ETSI TS 102 221 Annex A.
/// </summary>
public static class AlphaIdentifier
{
    /// <summary>Decodes a whole alpha field (FF padding included). Never throws: bad bytes are read as Latin-1 and flagged.</summary>
    public static AlphaText Decode(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || field[0] == 0xFF)
            return new AlphaText("", AlphaCoding.Gsm7);
        var text = new StringBuilder(field.Length);
        switch (field[0])
        {
            case 0x80:
                // Annex A: UCS2 big-endian characters; unused bytes FF.
                for (var i = 1; i + 1 < field.Length; i += 2)
                {
                    var c = BinaryPrimitives.ReadUInt16BigEndian(field[i..]);
                    if (c == 0xFFFF)
                        break;
                    text.Append((char)c);
                }
                return new AlphaText(text.ToString(), AlphaCoding.Ucs2);
            case 0x81 when field.Length >= 3:
                // Annex A: count, then bits 15-8 of the base (bit 16 and bits 7-1 zero), so base = byte << 7.
                return new AlphaText(DecodeWithBase(field[3..], field[1], field[2] << 7), AlphaCoding.Ucs2HalfPage);
            case 0x82 when field.Length >= 4:
                return new AlphaText(DecodeWithBase(field[4..], field[1], BinaryPrimitives.ReadUInt16BigEndian(field[2..])), AlphaCoding.Ucs2Base);
        }
        var end = field.IndexOf((byte)0xFF);
        var used = end < 0 ? field : field[..end];
        if (used.ContainsAnyInRange((byte)0x80, (byte)0xFF))
            return new AlphaText(Encoding.Latin1.GetString(used), AlphaCoding.Latin1);
        Gsm7.Decode(used, text);
        return new AlphaText(text.ToString(), AlphaCoding.Gsm7);
    }

    /// <summary>
    /// Decodes an EF_EMAIL field, coded like the EF_ADN alpha identifier (3GPP TS 31.102 §4.4.2.13).
    /// A GSM-alphabet field holding 0x40 and no 0x00 was written in ASCII by a non-conforming tool:
    /// the GSM alphabet has '@' at 0x00 and '¡' at 0x40 (TS 23.038 §6.2.1), and no address has a '¡'
    /// where every other character is ASCII. Such a field is read as ASCII and flagged
    /// (<see cref="AlphaCoding.Ascii"/>); GSM and UCS2 fields decode as <see cref="Decode"/> does.
    /// </summary>
    public static AlphaText DecodeEmail(ReadOnlySpan<byte> field)
    {
        var text = Decode(field);
        if (text.Coding != AlphaCoding.Gsm7)
            return text;
        var end = field.IndexOf((byte)0xFF);
        var used = end < 0 ? field : field[..end];
        return used.Contains((byte)0x40) && !used.Contains((byte)0x00)
            ? new AlphaText(Encoding.ASCII.GetString(used), AlphaCoding.Ascii)
            : text;
    }

    // Annex A (0x81, 0x82): the count governs, not FF; b8 = 0 -> GSM default character, b8 = 1 -> base + low 7 bits.
    private static string DecodeWithBase(ReadOnlySpan<byte> chars, int count, int baseCodePoint)
    {
        var text = new StringBuilder(count);
        for (var i = 0; i < chars.Length && text.Length < count; i++)
        {
            var b = chars[i];
            if ((b & 0x80) != 0)
                text.Append((char)(baseCodePoint + (b & 0x7F)));
            else if (b == Gsm7.Escape && i + 1 < chars.Length)
                text.Append(Gsm7.ToExtensionChar(chars[++i]));
            else
                text.Append(Gsm7.ToChar(b));
        }
        return text.ToString();
    }

    /// <summary>
    /// Encodes <paramref name="text"/> into a field of <paramref name="fieldLength"/> bytes (FF padded)
    /// with the most compact scheme: GSM 7-bit, else 0x81, 0x82, 0x80, whichever is shortest.
    /// </summary>
    /// <exception cref="ArgumentException">No scheme fits the field.</exception>
    public static byte[] Encode(string text, int fieldLength)
    {
        if (!TryEncode(text, fieldLength, out var field, out var error))
            throw new ArgumentException(error, nameof(text));
        return field;
    }

    /// <summary>
    /// <see cref="Encode"/> without throwing: false and the reason in <paramref name="error"/> when
    /// no scheme fits the field.
    /// </summary>
    public static bool TryEncode(string text, int fieldLength, out byte[] field, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        field = new byte[fieldLength];
        field.AsSpan().Fill(0xFF);
        error = "";
        var gsm = Gsm7.EncodedLength(text);
        if (gsm >= 0)
        {
            if (gsm <= fieldLength)
            {
                Gsm7.Encode(text, field);
                return true;
            }
            error = $"'{text}' needs {gsm} bytes in the GSM alphabet, the field has {fieldLength}";
            return false;
        }
        if (text.Any(char.IsSurrogate))
        {
            error = $"'{text}' has characters outside UCS2 (e.g. emoji); SIM alpha fields cannot hold them";
            return false;
        }
        var candidates = new List<(int Length, Func<byte[]> Build)>();
        if (Window(text, 0x7F80) is { } halfPage && halfPage <= 0x7F80)
            candidates.Add((3 + text.Length, () => WithBase(text, 0x81, halfPage)));
        if (Window(text, 0xFFFF) is { } anyBase)
            candidates.Add((4 + text.Length, () => WithBase(text, 0x82, anyBase)));
        candidates.Add((1 + 2 * text.Length, () => Ucs2(text)));
        var best = candidates.MinBy(c => c.Length);
        if (best.Length > fieldLength)
        {
            error = $"'{text}' needs {best.Length} bytes in the most compact UCS2 scheme, the field has {fieldLength}";
            return false;
        }
        best.Build().CopyTo(field, 0);
        return true;
    }

    // The base of a 128-code-point window holding every character GSM cannot carry; null if none does.
    // For 0x81 the base must be a multiple of 128 (bits 7-1 zero); for 0x82 any 16-bit value.
    private static int? Window(string text, int mask)
    {
        var outside = text.Where(c => Gsm7.EncodedLength(c.ToString()) != 1).ToArray();
        if (outside.Length == 0)
            return null;
        var low = outside.Min(c => (int)c);
        var high = outside.Max(c => (int)c);
        var start = mask == 0x7F80 ? low & 0x7F80 : low;
        return high - start < 128 ? start : null;
    }

    private static byte[] WithBase(string text, byte scheme, int baseCodePoint)
    {
        var header = scheme == 0x81 ? 3 : 4;
        var bytes = new byte[header + text.Length];
        bytes[0] = scheme;
        bytes[1] = (byte)text.Length;
        if (scheme == 0x81)
            bytes[2] = (byte)(baseCodePoint >> 7);
        else
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)baseCodePoint);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes[header + i] = Gsm7.TryEncode(c, out var code, out var escaped) && !escaped
                ? code
                : (byte)(0x80 | (c - baseCodePoint));
        }
        return bytes;
    }

    private static byte[] Ucs2(string text)
    {
        var bytes = new byte[1 + 2 * text.Length];
        bytes[0] = 0x80;
        for (var i = 0; i < text.Length; i++)
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1 + 2 * i), text[i]);
        return bytes;
    }
}
