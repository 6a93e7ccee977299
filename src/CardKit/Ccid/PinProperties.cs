using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// PIN_PROPERTIES_STRUCTURE, the answer to FEATURE_IFD_PIN_PROPERTIES (PC/SC Part 10 v2.02): wLcdLayout
/// (little endian), bEntryValidationCondition, bTimeOut2; 4 bytes.
/// </summary>
/// <param name="LcdLayout">wLcdLayout 0xXXYY: XX lines, YY characters per line; 0 when the reader has no display.</param>
/// <param name="EntryValidationCondition">The entry conditions the reader supports.</param>
/// <param name="TimeOut2">The reader's timeout after the first key, in seconds.</param>
public readonly record struct PinProperties(ushort LcdLayout, PinEntryConditions EntryValidationCondition, byte TimeOut2)
{
    /// <summary>Size of the structure.</summary>
    public const int Length = 4;

    /// <summary>Display lines (XX of wLcdLayout).</summary>
    public int LcdLines => LcdLayout >> 8;

    /// <summary>Characters per display line (YY of wLcdLayout).</summary>
    public int LcdCharactersPerLine => LcdLayout & 0xFF;

    /// <summary>Decodes the structure.</summary>
    /// <exception cref="CardKitFormatException">The input is not 4 bytes long.</exception>
    public static PinProperties Parse(ReadOnlySpan<byte> source) =>
        TryParse(source, out var result)
            ? result
            : throw new CardKitFormatException(
                $"PIN_PROPERTIES_STRUCTURE is {Length} bytes, got {source.Length}", Math.Min(source.Length, Length));

    /// <summary>Decodes the structure without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> source, out PinProperties result)
    {
        if (source.Length != Length)
        {
            result = default;
            return false;
        }
        result = new PinProperties(BinaryPrimitives.ReadUInt16LittleEndian(source),
            (PinEntryConditions)source[2], source[3]);
        return true;
    }

    /// <summary>The 4 bytes.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LcdLayout);
        bytes[2] = (byte)EntryValidationCondition;
        bytes[3] = TimeOut2;
        return bytes;
    }
}
