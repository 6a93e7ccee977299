namespace CardKit.Tlv;

/// <summary>One BER-TLV data object: tag (up to 3 bytes, as an integer, e.g. 0x5F2D) and value.</summary>
public readonly record struct BerTlvObject(uint Tag, ReadOnlyMemory<byte> Value)
{
    /// <summary>Bit 6 of the first tag byte: the value is itself BER-TLV (ISO/IEC 7816-4:2020 §6.3).</summary>
    public bool IsConstructed => (FirstTagByte & 0x20) != 0;

    private byte FirstTagByte => Tag switch
    {
        <= 0xFF => (byte)Tag,
        <= 0xFFFF => (byte)(Tag >> 8),
        _ => (byte)(Tag >> 16),
    };
}
