using System.Buffers.Binary;

namespace CardKit.Testing.Captures;

/// <summary>
/// Writes pcap or pcapng bytes from a description: the tests' own capture generator, written from
/// pcap-savefile(5) and the pcapng draft without using CardKit's decoder. pcapng files may hold
/// several interfaces (one per link type passed to <see cref="AddInterface"/>).
/// </summary>
public sealed class CaptureWriter
{
    private readonly Stream _stream;
    private readonly CaptureContainer _container;
    private readonly bool _bigEndian;
    private readonly byte[] _scratch = new byte[1 << 17];
    private int _interfaces;

    public CaptureWriter(Stream stream, CaptureContainer container, int linkType, bool bigEndian = false)
    {
        _stream = stream;
        _container = container;
        _bigEndian = bigEndian;
        if (container == CaptureContainer.PcapNg)
        {
            WriteSectionHeader();
            AddInterface(linkType);
        }
        else
        {
            Span<byte> header = stackalloc byte[24];
            U32(header, container == CaptureContainer.PcapNanoseconds ? 0xA1B23C4D : 0xA1B2C3D4);
            U16(header[4..], 2);
            U16(header[6..], 4);
            U32(header[16..], 262144);
            U32(header[20..], (uint)linkType);
            _stream.Write(header);
            _interfaces = 1;
        }
    }

    /// <summary>Big-endian files: usbmon headers are then big-endian too.</summary>
    public bool BigEndian => _bigEndian;

    /// <summary>Adds a pcapng interface; returns its id.</summary>
    public int AddInterface(int linkType)
    {
        if (_container != CaptureContainer.PcapNg)
            throw new InvalidOperationException("classic pcap has one link type");
        // IDB: type 1, length, linktype, reserved, snaplen, option if_tsresol = 6, end of options.
        Span<byte> block = stackalloc byte[32];
        U32(block, 1);
        U32(block[4..], 32);
        U16(block[8..], (ushort)linkType);
        U32(block[12..], 262144);
        U16(block[16..], 9);
        U16(block[18..], 1);
        block[20] = 6;
        U32(block[24..], 0);
        U32(block[28..], 32);
        _stream.Write(block);
        return _interfaces++;
    }

    /// <summary>Writes one packet captured at <paramref name="microseconds"/> since 1970.</summary>
    public void WritePacket(long microseconds, ReadOnlySpan<byte> frame, int interfaceId = 0)
    {
        if (_container == CaptureContainer.PcapNg)
        {
            var padded = (frame.Length + 3) / 4 * 4;
            var length = 32 + padded;
            var block = length <= _scratch.Length ? _scratch.AsSpan(0, length) : new byte[length];
            block.Clear();
            U32(block, 6);
            U32(block[4..], (uint)length);
            U32(block[8..], (uint)interfaceId);
            U32(block[12..], (uint)((ulong)microseconds >> 32));
            U32(block[16..], (uint)microseconds);
            U32(block[20..], (uint)frame.Length);
            U32(block[24..], (uint)frame.Length);
            frame.CopyTo(block[28..]);
            U32(block[^4..], (uint)length);
            _stream.Write(block);
        }
        else
        {
            Span<byte> header = stackalloc byte[16];
            U32(header, (uint)(microseconds / 1_000_000));
            U32(header[4..], (uint)(_container == CaptureContainer.PcapNanoseconds ? microseconds % 1_000_000 * 1000 : microseconds % 1_000_000));
            U32(header[8..], (uint)frame.Length);
            U32(header[12..], (uint)frame.Length);
            _stream.Write(header);
            _stream.Write(frame);
        }
    }

    private void WriteSectionHeader()
    {
        Span<byte> block = stackalloc byte[28];
        U32(block, 0x0A0D0D0A);
        U32(block[4..], 28);
        U32(block[8..], 0x1A2B3C4D);
        U16(block[12..], 1);
        U16(block[14..], 0);
        block.Slice(16, 8).Fill(0xFF); // section length unknown (-1)
        U32(block[24..], 28);
        _stream.Write(block);
    }

    private void U32(Span<byte> s, uint v)
    {
        if (_bigEndian)
            BinaryPrimitives.WriteUInt32BigEndian(s, v);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(s, v);
    }

    private void U16(Span<byte> s, ushort v)
    {
        if (_bigEndian)
            BinaryPrimitives.WriteUInt16BigEndian(s, v);
        else
            BinaryPrimitives.WriteUInt16LittleEndian(s, v);
    }
}
