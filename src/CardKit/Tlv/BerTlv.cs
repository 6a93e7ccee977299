namespace CardKit.Tlv;

/// <summary>
/// Stateless BER-TLV decoding and encoding (ISO/IEC 7816-4:2020 §6.3, ISO/IEC 8825-1 §8.1.2-8.1.3):
/// tags of one to three bytes, definite lengths of one to four bytes after 81..84. Padding
/// bytes 00 and FF between objects are skipped as §6.3 allows.
/// </summary>
public static class BerTlv
{
    /// <summary>Decodes the object at the start of <paramref name="source"/>; false (nothing consumed) when it is malformed or truncated.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out uint tag, out int valueOffset, out int valueLength, out int consumed)
    {
        tag = 0;
        valueOffset = valueLength = consumed = 0;
        if (source.IsEmpty)
            return false;
        var i = 0;
        tag = source[i++];
        if ((tag & 0x1F) == 0x1F)
        {
            // Subsequent tag bytes: b8 set means another byte follows (ISO/IEC 8825-1 §8.1.2.4).
            for (var n = 0; ; n++)
            {
                if (i >= source.Length || n == 2)
                    return false;
                var b = source[i++];
                tag = (tag << 8) | b;
                if ((b & 0x80) == 0)
                    break;
            }
        }
        if (i >= source.Length)
            return false;
        int length = source[i++];
        if (length > 0x80)
        {
            var count = length - 0x80;
            if (count > 4 || i + count > source.Length)
                return false;
            length = 0;
            for (var k = 0; k < count; k++)
            {
                length = (length << 8) | source[i++];
                if (length < 0)
                    return false;
            }
        }
        else if (length == 0x80)
        {
            return false; // indefinite length is not used in ISO/IEC 7816 interindustry data objects
        }
        if (length > source.Length - i)
            return false;
        valueOffset = i;
        valueLength = length;
        consumed = i + length;
        return true;
    }

    /// <summary>Decodes every object at this level.</summary>
    /// <exception cref="CardKitFormatException">An object is malformed or truncated.</exception>
    public static List<BerTlvObject> Parse(ReadOnlyMemory<byte> source)
    {
        var result = new List<BerTlvObject>();
        var offset = 0;
        var span = source.Span;
        while (offset < span.Length)
        {
            if (span[offset] is 0x00 or 0xFF)
            {
                offset++;
                continue;
            }
            if (!TryRead(span[offset..], out var tag, out var valueOffset, out var valueLength, out var consumed))
                throw new CardKitFormatException("malformed or truncated BER-TLV object", offset);
            result.Add(new BerTlvObject(tag, source.Slice(offset + valueOffset, valueLength)));
            offset += consumed;
        }
        return result;
    }

    /// <summary>The value of the first object with <paramref name="tag"/> at this level, or null.</summary>
    public static ReadOnlyMemory<byte>? Find(ReadOnlyMemory<byte> source, uint tag)
    {
        foreach (var o in Parse(source))
        {
            if (o.Tag == tag)
                return o.Value;
        }
        return null;
    }

    /// <summary>Encodes tag, length and value.</summary>
    public static byte[] Encode(uint tag, ReadOnlySpan<byte> value)
    {
        var buffer = new byte[EncodedLength(tag, value.Length)];
        Write(buffer, tag, value);
        return buffer;
    }

    /// <summary>Encodes a constructed object from already encoded children.</summary>
    public static byte[] EncodeConstructed(uint tag, params byte[][] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var value = new byte[children.Sum(c => c.Length)];
        var offset = 0;
        foreach (var child in children)
        {
            child.CopyTo(value, offset);
            offset += child.Length;
        }
        return Encode(tag, value.AsSpan());
    }

    /// <summary>The number of bytes <see cref="Encode"/> produces for <paramref name="tag"/> and a value of <paramref name="valueLength"/> bytes (ISO/IEC 7816-4:2020 §6.3).</summary>
    public static int EncodedLength(uint tag, int valueLength) => TagLength(tag) + LengthLength(valueLength) + valueLength;

    /// <summary>Writes one object into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, uint tag, ReadOnlySpan<byte> value)
    {
        var i = 0;
        for (var shift = (TagLength(tag) - 1) * 8; shift >= 0; shift -= 8)
            destination[i++] = (byte)(tag >> shift);
        var length = value.Length;
        var lengthBytes = LengthLength(length) - 1;
        if (lengthBytes == 0)
        {
            destination[i++] = (byte)length;
        }
        else
        {
            destination[i++] = (byte)(0x80 | lengthBytes);
            for (var shift = (lengthBytes - 1) * 8; shift >= 0; shift -= 8)
                destination[i++] = (byte)(length >> shift);
        }
        value.CopyTo(destination[i..]);
        return i + length;
    }

    private static int TagLength(uint tag) => tag switch
    {
        <= 0xFF => 1,
        <= 0xFFFF => 2,
        _ => 3,
    };

    private static int LengthLength(int length) => length switch
    {
        < 0x80 => 1,
        <= 0xFF => 2,
        <= 0xFFFF => 3,
        <= 0xFFFFFF => 4,
        _ => 5,
    };
}
