namespace CardKit.Tlv;

/// <summary>COMPACT-TLV as used in historical bytes: one byte 'TL' (tag high nibble, length low nibble) then the value.</summary>
public static class CompactTlv
{
    /// <summary>Splits <paramref name="source"/> into its COMPACT-TLV objects, in order; the values are slices of <paramref name="source"/>.</summary>
    /// <exception cref="CardKitFormatException">An object's length runs past the end.</exception>
    public static List<CompactTlvObject> Parse(ReadOnlyMemory<byte> source)
    {
        var result = new List<CompactTlvObject>();
        var span = source.Span;
        var offset = 0;
        while (offset < span.Length)
        {
            var tag = (byte)(span[offset] >> 4);
            var length = span[offset] & 0x0F;
            if (offset + 1 + length > span.Length)
                throw new CardKitFormatException($"compact-TLV object {tag:X}{length:X} needs {length} bytes, {span.Length - offset - 1} left", offset);
            result.Add(new CompactTlvObject(tag, source.Slice(offset + 1, length)));
            offset += 1 + length;
        }
        return result;
    }

    /// <summary>Encodes one COMPACT-TLV object: the byte 'TL' then <paramref name="value"/>.</summary>
    /// <param name="tag">The tag, 0 to 15.</param>
    /// <param name="value">The value, 0 to 15 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="tag"/> or the length of <paramref name="value"/> exceeds 15.</exception>
    public static byte[] Encode(byte tag, ReadOnlySpan<byte> value)
    {
        if (tag > 0x0F || value.Length > 0x0F)
            throw new ArgumentException("compact-TLV tag and length are 4 bits each");
        var result = new byte[1 + value.Length];
        result[0] = (byte)((tag << 4) | value.Length);
        value.CopyTo(result.AsSpan(1));
        return result;
    }
}
