using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// The 10-byte header every CCID message starts with (CCID Rev 1.1 §6.1, §6.2): bMessageType,
/// dwLength (little-endian, the bytes after the header), bSlot, bSeq and three message-specific
/// bytes. Interrupt messages (§6.3) have their own short layouts and are not headers.
/// </summary>
public readonly record struct CcidHeader(byte Type, uint Length, byte Slot, byte Seq, byte Byte7, byte Byte8, byte Byte9)
{
    /// <summary>Header length in bytes.</summary>
    public const int Size = 10;

    /// <summary>The message type, when it is one CCID 1.1 defines.</summary>
    public CcidMessageType MessageType => (CcidMessageType)Type;

    /// <summary>Bytes 8-9 as a little-endian word (wLevelParameter of XfrBlock and Secure, §6.1.4).</summary>
    public ushort Word89 => (ushort)(Byte8 | Byte9 << 8);

    /// <summary>True for PC_to_RDR messages (bulk-out, 0x61-0x73).</summary>
    public bool IsCommand => Type is >= 0x61 and <= 0x73;

    /// <summary>Reads the header at the start of <paramref name="message"/> and checks dwLength against the bytes present.</summary>
    /// <exception cref="CardKitFormatException">Fewer than 10 bytes, or dwLength disagrees with the message length.</exception>
    public static CcidHeader Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < Size)
            throw new CardKitFormatException($"a CCID message needs the 10-byte header, got {message.Length} bytes", message.Length);
        var header = new CcidHeader(message[0], BinaryPrimitives.ReadUInt32LittleEndian(message[1..]), message[5], message[6],
            message[7], message[8], message[9]);
        if (header.Length != message.Length - Size)
            throw new CardKitFormatException(
                $"CCID {CcidNames.Message(message[0])}: dwLength says {header.Length} data bytes but {message.Length - Size} follow the header", 1);
        return header;
    }

    /// <summary>True when <paramref name="message"/> has a header whose dwLength matches the bytes present.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out CcidHeader header)
    {
        header = default;
        if (message.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(message[1..]) != message.Length - Size)
            return false;
        header = new CcidHeader(message[0], (uint)(message.Length - Size), message[5], message[6], message[7], message[8], message[9]);
        return true;
    }
}
