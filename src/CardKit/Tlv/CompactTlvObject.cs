namespace CardKit.Tlv;

/// <summary>One COMPACT-TLV object: a 4-bit tag and up to 15 value bytes (ISO/IEC 7816-4:2020 §12.1.1).</summary>
public readonly record struct CompactTlvObject(byte Tag, ReadOnlyMemory<byte> Value);
