namespace CardKit.Capture;

/// <summary>
/// One captured packet. <see cref="Data"/> points into the reader's buffer and stays valid only
/// until the next read; copy it to keep it.
/// </summary>
public readonly struct CapturePacket
{
    /// <summary>A packet of <paramref name="linkType"/> captured at <paramref name="timestampNanoseconds"/>.</summary>
    public CapturePacket(long frame, int interfaceId, int linkType, long timestampNanoseconds, ReadOnlyMemory<byte> data,
        long originalLength, bool bigEndian, long dataOffset)
    {
        Frame = frame;
        InterfaceId = interfaceId;
        LinkType = linkType;
        TimestampNanoseconds = timestampNanoseconds;
        Data = data;
        OriginalLength = originalLength;
        BigEndian = bigEndian;
        DataOffset = dataOffset;
    }

    /// <summary>Packet number, 1-based, counted over the whole input (Wireshark's frame number).</summary>
    public long Frame { get; }

    /// <summary>The pcapng interface the packet was captured on (0 for classic pcap).</summary>
    public int InterfaceId { get; }

    /// <summary>The interface's LINKTYPE_* value (see <see cref="CaptureLinkType"/> for the USB ones).</summary>
    public int LinkType { get; }

    /// <summary>Capture time, nanoseconds since 1970-01-01 UTC.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>The captured bytes (possibly fewer than <see cref="OriginalLength"/> when the snapshot length cut them).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The packet's length on the wire.</summary>
    public long OriginalLength { get; }

    /// <summary>True when the capturing host was big-endian: usbmon headers are in the host's byte order.</summary>
    public bool BigEndian { get; }

    /// <summary>Offset of <see cref="Data"/>'s first byte in the input, for error messages.</summary>
    public long DataOffset { get; }
}
