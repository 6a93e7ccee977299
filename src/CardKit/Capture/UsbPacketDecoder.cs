using System.Buffers.Binary;

namespace CardKit.Capture;

/// <summary>
/// Decodes the USB pseudo-header of a captured frame: Linux usbmon (Documentation/usb/usbmon.rst,
/// "Raw binary format and API": the 48-byte struct usbmon_packet, 64 bytes with the mmap fields)
/// and Windows USBPcap (USBPCAP_BUFFER_PACKET_HEADER, 27 bytes, 28 for control transfers with the
/// stage byte). Stateless; the frame is not copied.
/// </summary>
public static class UsbPacketDecoder
{
    /// <summary>True when <paramref name="linkType"/> is one of the USB link types this decodes.</summary>
    public static bool IsUsb(int linkType) => linkType is (int)CaptureLinkType.UsbLinux or (int)CaptureLinkType.UsbLinuxMmapped or (int)CaptureLinkType.UsbPcap;

    /// <summary>Decodes <paramref name="packet"/>'s USB header.</summary>
    /// <exception cref="CardKitFormatException">The header is truncated or inconsistent; the offset is within the frame.</exception>
    public static UsbTransfer Decode(in CapturePacket packet) => packet.LinkType switch
    {
        (int)CaptureLinkType.UsbLinux => DecodeUsbmon(packet.Data, 48, packet.BigEndian),
        (int)CaptureLinkType.UsbLinuxMmapped => DecodeUsbmon(packet.Data, 64, packet.BigEndian),
        (int)CaptureLinkType.UsbPcap => DecodeUsbPcap(packet.Data),
        _ => throw new ArgumentException($"link type {packet.LinkType} is not a USB capture", nameof(packet)),
    };

    /// <summary>usbmon: the header is in the capturing host's byte order.</summary>
    public static UsbTransfer DecodeUsbmon(ReadOnlyMemory<byte> frame, int headerLength, bool bigEndian)
    {
        var s = frame.Span;
        if (s.Length < headerLength)
            throw new CardKitFormatException($"usbmon frame of {s.Length} bytes is shorter than its {headerLength}-byte header", s.Length);
        var id = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);
        var eventType = s[8];
        if (eventType is not ((byte)'S' or (byte)'C' or (byte)'E'))
            throw new CardKitFormatException($"usbmon event type {eventType:X2} is none of 'S', 'C', 'E'", 8);
        var transferType = s[9];
        if (transferType > 3)
            throw new CardKitFormatException($"usbmon transfer type {transferType} is none of 0-3", 9);
        var endpoint = s[10];
        var device = s[11];
        var bus = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[12..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[12..]);
        var setupFlag = s[14];
        var status = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s[28..]) : BinaryPrimitives.ReadInt32LittleEndian(s[28..]);
        var captured = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s[36..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[36..]);
        // flag_setup 0 means the setup bytes at 40..47 are valid (a control submission).
        var setup = setupFlag == 0 && transferType == 2 ? frame.Slice(40, 8) : ReadOnlyMemory<byte>.Empty;
        var present = s.Length - headerLength;
        if (captured > present)
            throw new CardKitFormatException($"usbmon says {captured} data bytes were captured but the frame holds {present}", 36);
        var payload = frame.Slice(headerLength, (int)captured);
        return new UsbTransfer(id, eventType != (byte)'S', (UsbTransferType)transferType, bus, device, endpoint, status, setup, payload, headerLength);
    }

    /// <summary>USBPcap: little-endian; bit 0 of info set means the event goes from the device (a completion).</summary>
    public static UsbTransfer DecodeUsbPcap(ReadOnlyMemory<byte> frame)
    {
        var s = frame.Span;
        if (s.Length < 27)
            throw new CardKitFormatException($"USBPcap frame of {s.Length} bytes is shorter than the 27-byte header", s.Length);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(s);
        if (headerLength < 27 || headerLength > s.Length)
            throw new CardKitFormatException($"USBPcap header length {headerLength} is out of range (27..{s.Length})", 0);
        var irp = BinaryPrimitives.ReadUInt64LittleEndian(s[2..]);
        var status = BinaryPrimitives.ReadInt32LittleEndian(s[10..]);
        var info = s[16];
        var bus = BinaryPrimitives.ReadUInt16LittleEndian(s[17..]);
        var device = BinaryPrimitives.ReadUInt16LittleEndian(s[19..]);
        var endpoint = s[21];
        var transferType = s[22];
        if (transferType > 3)
            return new UsbTransfer(irp, (info & 1) != 0, (UsbTransferType)0xFF, bus, device, endpoint, status, default, default, headerLength);
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(s[23..]);
        var present = s.Length - headerLength;
        if (dataLength > present)
            throw new CardKitFormatException($"USBPcap says {dataLength} data bytes but the frame holds {present}", 23);
        var payload = frame.Slice(headerLength, (int)dataLength);
        var setup = ReadOnlyMemory<byte>.Empty;
        // Control transfers: stage byte at 27 (0 setup, 1 data, 2 status, 3 complete); the setup stage carries the 8 SETUP bytes.
        if (transferType == 2 && headerLength >= 28 && s[27] == 0 && dataLength >= 8)
        {
            setup = payload[..8];
            payload = payload[8..];
        }
        return new UsbTransfer(irp, (info & 1) != 0, (UsbTransferType)transferType, bus, device, endpoint, status, setup, payload,
            headerLength + (setup.IsEmpty ? 0 : 8));
    }
}
