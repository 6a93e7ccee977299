using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>The Smart Card Device Class descriptor, type 0x21, 54 bytes (CCID Rev 1.1 §5.1 Table 5.1-1).</summary>
public sealed record CcidClassDescriptor(
    ushort BcdCcid,
    byte MaxSlotIndex,
    byte VoltageSupport,
    uint Protocols,
    uint DefaultClock,
    uint MaximumClock,
    uint DataRate,
    uint MaxDataRate,
    uint MaxIfsd,
    uint Mechanical,
    uint Features,
    uint MaxCcidMessageLength,
    byte ClassGetResponse,
    byte ClassEnvelope,
    ushort LcdLayout,
    byte PinSupport,
    byte MaxCcidBusySlots)
{
    /// <summary>bLength of the descriptor.</summary>
    public const int Size = 54;

    /// <summary>bDescriptorType of the CCID class descriptor.</summary>
    public const byte DescriptorType = 0x21;

    /// <summary>The exchange level dwFeatures announces (bits 16-18; several set: the highest wins).</summary>
    public CcidExchangeLevel ExchangeLevel =>
        (Features & 0x40000) != 0 ? CcidExchangeLevel.ExtendedApdu
        : (Features & 0x20000) != 0 ? CcidExchangeLevel.ShortApdu
        : (Features & 0x10000) != 0 ? CcidExchangeLevel.Tpdu
        : CcidExchangeLevel.Character;

    /// <summary>bPINSupport bit 0: the reader verifies PINs on its pin pad.</summary>
    public bool PinVerification => (PinSupport & 1) != 0;

    /// <summary>bPINSupport bit 1: the reader changes PINs on its pin pad.</summary>
    public bool PinModification => (PinSupport & 2) != 0;

    /// <summary>Parses the descriptor (bLength, bDescriptorType 0x21, then the fields).</summary>
    /// <exception cref="CardKitFormatException">Shorter than 54 bytes or not of type 0x21.</exception>
    public static CcidClassDescriptor Parse(ReadOnlySpan<byte> d)
    {
        if (d.Length < Size || d[0] < Size)
            throw new CardKitFormatException($"a CCID class descriptor has {Size} bytes, got {Math.Min(d.Length, d.Length > 0 ? d[0] : 0)}", 0);
        if (d[1] != DescriptorType)
            throw new CardKitFormatException($"descriptor type {d[1]:X2} is not the CCID class descriptor 21", 1);
        return new CcidClassDescriptor(
            BinaryPrimitives.ReadUInt16LittleEndian(d[2..]), d[4], d[5],
            BinaryPrimitives.ReadUInt32LittleEndian(d[6..]), BinaryPrimitives.ReadUInt32LittleEndian(d[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(d[14..]), BinaryPrimitives.ReadUInt32LittleEndian(d[19..]),
            BinaryPrimitives.ReadUInt32LittleEndian(d[23..]), BinaryPrimitives.ReadUInt32LittleEndian(d[28..]),
            BinaryPrimitives.ReadUInt32LittleEndian(d[36..]), BinaryPrimitives.ReadUInt32LittleEndian(d[40..]),
            BinaryPrimitives.ReadUInt32LittleEndian(d[44..]), d[48], d[49],
            BinaryPrimitives.ReadUInt16LittleEndian(d[50..]), d[52], d[53]);
    }
}
