using System.Buffers.Binary;

namespace CardKit.Capture;

/// <summary>
/// Reads packets from a classic pcap or a pcapng stream, one at a time, never holding more than
/// one block in memory. It asks the stream only for the bytes the next packet needs, so a live
/// pipe (<c>tcpdump -w -</c>) yields each packet as soon as it is written.
/// </summary>
/// <remarks>
/// Classic pcap: pcap-savefile(5) (magic A1B2C3D4 microseconds, A1B23C4D nanoseconds, either
/// byte order). pcapng: draft-ietf-opsawg-pcapng §4 (blocks), §4.1 Section Header, §4.2 Interface
/// Description (if_tsresol, if_tsoffset), §4.3 Enhanced Packet, §4.4 Simple Packet, Appendix A
/// obsolete Packet Block; every other block type is skipped. A new section resets the interfaces
/// and may change the byte order. Bad or truncated data throws <see cref="CaptureFormatException"/>
/// with the frame number and the byte offset; the packets before it have been returned intact.
/// </remarks>
public sealed class CaptureReader : IDisposable
{
    /// <summary>Largest block or packet record accepted: anything longer is taken as corruption.</summary>
    public const int MaxBlockLength = 16 * 1024 * 1024;

    private const uint PcapNgSectionHeader = 0x0A0D0D0A;
    private const uint PcapNgByteOrderMagic = 0x1A2B3C4D;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<PcapNgInterface> _interfaces = [];
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _offset; // input offset of _buffer[_start]
    private bool _bigEndian;
    private bool _nanoseconds;
    private int _pcapLinkType;
    private bool _eof;

    /// <summary>Reads from <paramref name="stream"/>.</summary>
    public CaptureReader(Stream stream, bool leaveOpen = false)
        : this(stream, [], leaveOpen)
    {
    }

    /// <summary>Reads from <paramref name="stream"/>, of which the caller already consumed <paramref name="alreadyRead"/> (to sniff the format).</summary>
    public CaptureReader(Stream stream, ReadOnlySpan<byte> alreadyRead, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
        _buffer = new byte[Math.Max(1 << 18, alreadyRead.Length)];
        alreadyRead.CopyTo(_buffer);
        _end = alreadyRead.Length;
    }

    /// <summary>The container, known after the first read.</summary>
    public CaptureFileFormat Format { get; private set; }

    /// <summary>Packets returned so far (the last frame number).</summary>
    public long Frames { get; private set; }

    /// <summary>Bytes of the input consumed so far.</summary>
    public long Position => _offset;

    /// <summary>True when the first bytes are a pcap or pcapng magic number.</summary>
    public static bool IsCapture(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.Length < 4)
            return false;
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(firstBytes);
        return magic is PcapNgSectionHeader or 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1;
    }

    /// <summary>
    /// The next packet, or false at the clean end of the input. <paramref name="packet"/>'s data is
    /// valid until the next call.
    /// </summary>
    /// <exception cref="CaptureFormatException">The input is truncated or corrupt here.</exception>
    public bool TryReadPacket(out CapturePacket packet)
    {
        if (Format == CaptureFileFormat.Unknown)
            ReadFileHeader();
        return Format == CaptureFileFormat.Pcap ? TryReadPcapRecord(out packet) : TryReadPcapNgPacket(out packet);
    }

    private void ReadFileHeader()
    {
        var available = Fill(4);
        if (available < 4)
            throw Error(available == 0 ? "empty input: not a pcap or pcapng capture" : "input ends inside the file header", 0);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(Span(0, 4));
        if (magic == PcapNgSectionHeader)
        {
            Format = CaptureFileFormat.PcapNg;
            return;
        }
        (_bigEndian, _nanoseconds) = magic switch
        {
            0xA1B2C3D4 => (false, false),
            0xD4C3B2A1 => (true, false),
            0xA1B23C4D => (false, true),
            0x4D3CB2A1 => (true, true),
            _ => throw Error($"not a pcap or pcapng capture (starts with {Hex.Format(Span(0, 4))})", 0),
        };
        // pcap-savefile(5): magic, version 2.4, thiszone, sigfigs, snaplen, then the link type
        // (its upper bits carry the FCS length: keep the low 28 bits).
        if (Fill(24) < 24)
            throw Error("input ends inside the 24-byte pcap file header", Available);
        _pcapLinkType = (int)(U32(Span(20, 4)) & 0x0FFFFFFF);
        Format = CaptureFileFormat.Pcap;
        Consume(24);
    }

    private bool TryReadPcapRecord(out CapturePacket packet)
    {
        packet = default;
        var available = Fill(16);
        if (available == 0)
            return false;
        if (available < 16)
            throw Error("input ends inside a packet record header", available);
        var header = Span(0, 16);
        var seconds = U32(header);
        var fraction = U32(header[4..]);
        var captured = U32(header[8..]);
        var original = U32(header[12..]);
        if (captured > MaxBlockLength)
            throw Error($"packet record claims {captured} captured bytes (more than {MaxBlockLength}: corrupt)", 8);
        var total = 16 + (int)captured;
        if (Fill(total) < total)
            throw Error($"input ends inside the packet: the record needs {captured} bytes, {Available - 16} present", Available);
        var nanos = seconds * 1_000_000_000L + (_nanoseconds ? fraction : fraction * 1000L);
        packet = new CapturePacket(++Frames, 0, _pcapLinkType, nanos, new ReadOnlyMemory<byte>(_buffer, _start + 16, (int)captured),
            original, _bigEndian, _offset + 16);
        Consume(total);
        return true;
    }

    private bool TryReadPcapNgPacket(out CapturePacket packet)
    {
        packet = default;
        while (true)
        {
            var available = Fill(12);
            if (available == 0)
                return false;
            if (available < 12)
                throw Error("input ends inside a block header", available);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(Span(0, 4));
            if (type == PcapNgSectionHeader)
            {
                // §4.1: the byte-order magic after the length tells the section's byte order.
                var order = BinaryPrimitives.ReadUInt32LittleEndian(Span(8, 4));
                _bigEndian = order switch
                {
                    PcapNgByteOrderMagic => false,
                    0x4D3C2B1A => true,
                    _ => throw Error($"section header with an unknown byte-order magic {order:X8}", 8),
                };
                _interfaces.Clear();
            }
            else
            {
                type = U32(Span(0, 4));
            }
            var length = U32(Span(4, 4));
            if (length < 12 || length % 4 != 0 || length > MaxBlockLength)
                throw Error($"block of type {type:X8} has an impossible length {length} (at least 12, a multiple of 4)", 4);
            if (Fill((int)length) < length)
                throw Error($"input ends inside a block: it needs {length} bytes, {Available} present", Available);
            var block = Span(0, (int)length);
            var trailer = U32(block[^4..]);
            if (trailer != length)
                throw Error($"block length {length} and trailing length {trailer} differ", (int)length - 4);
            var found = type switch
            {
                PcapNgSectionHeader => ReadSectionHeader(block),
                1 => ReadInterfaceDescription(block),
                6 => ReadTimestampedPacket(block, obsolete: false, out packet),
                3 => ReadSimplePacket(block, out packet),
                2 => ReadTimestampedPacket(block, obsolete: true, out packet),
                _ => false,
            };
            Consume((int)length);
            if (found)
                return true;
        }
    }

    private bool ReadSectionHeader(ReadOnlySpan<byte> block)
    {
        if (block.Length < 28)
            throw Error($"section header block of {block.Length} bytes (at least 28)", 4);
        var major = U16(block[12..]);
        if (major != 1)
            throw Error($"pcapng major version {major} (only 1 exists)", 12);
        return false;
    }

    private bool ReadInterfaceDescription(ReadOnlySpan<byte> block)
    {
        if (block.Length < 20)
            throw Error($"interface description block of {block.Length} bytes (at least 20)", 4);
        var linkType = U16(block[8..]);
        var resolution = (byte)6;
        long offsetSeconds = 0;
        // §3.5 options: code, length, value padded to 32 bits; §4.2 if_tsresol (9), if_tsoffset (14).
        var options = block[16..^4];
        var at = 0;
        while (at + 4 <= options.Length)
        {
            var code = U16(options[at..]);
            var length = U16(options[(at + 2)..]);
            if (code == 0)
                break;
            if (at + 4 + length > options.Length)
                throw Error($"interface option {code} of {length} bytes runs past its block", 16 + at + 2);
            var value = options.Slice(at + 4, length);
            if (code == 9 && length >= 1)
                resolution = value[0];
            else if (code == 14 && length >= 8)
                offsetSeconds = (long)U64(value);
            at += 4 + (length + 3) / 4 * 4;
        }
        if ((resolution & 0x80) == 0 && resolution > 18 || (resolution & 0x80) != 0 && (resolution & 0x7F) > 62)
            throw Error($"if_tsresol {resolution:X2} is out of range", 16);
        _interfaces.Add(new PcapNgInterface(linkType, resolution, offsetSeconds));
        return false;
    }

    // §4.3 Enhanced Packet Block, and Appendix A's obsolete Packet Block: the same layout except the
    // interface id, 32 bits in the first, 16 bits (then a drop count) in the second.
    private bool ReadTimestampedPacket(ReadOnlySpan<byte> block, bool obsolete, out CapturePacket packet)
    {
        if (block.Length < 32)
            throw Error($"{(obsolete ? "packet" : "enhanced packet")} block of {block.Length} bytes (at least 32)", 4);
        var id = obsolete ? U16(block[8..]) : U32(block[8..]);
        var timestamp = (ulong)U32(block[12..]) << 32 | U32(block[16..]);
        var captured = U32(block[20..]);
        var original = U32(block[24..]);
        if (captured > block.Length - 32)
            throw Error($"packet claims {captured} captured bytes but its block holds {block.Length - 32}", 20);
        var face = Interface(id, 8);
        packet = new CapturePacket(++Frames, (int)id, face.LinkType, face.ToNanoseconds(timestamp),
            new ReadOnlyMemory<byte>(_buffer, _start + 28, (int)captured), original, _bigEndian, _offset + 28);
        return true;
    }

    private bool ReadSimplePacket(ReadOnlySpan<byte> block, out CapturePacket packet)
    {
        // §4.4: no timestamp, interface 0, captured length = min(original, snap) = what the block holds.
        var original = U32(block[8..]);
        var captured = (int)Math.Min(original, (uint)(block.Length - 16));
        var face = Interface(0, 0);
        packet = new CapturePacket(++Frames, 0, face.LinkType, 0, new ReadOnlyMemory<byte>(_buffer, _start + 12, captured),
            original, _bigEndian, _offset + 12);
        return true;
    }

    private PcapNgInterface Interface(uint id, int at) => id < (uint)_interfaces.Count
        ? _interfaces[(int)id]
        : throw Error($"packet on interface {id}, but the section describes {_interfaces.Count}", at);

    /// <summary>Makes <paramref name="count"/> bytes available from the current position if the input has them; returns how many are.</summary>
    private int Fill(int count)
    {
        if (_end - _start >= count || _eof)
            return Math.Min(count, _end - _start);
        if (_buffer.Length - _start < count)
        {
            if (_buffer.Length < count)
            {
                var larger = new byte[Math.Max(count, _buffer.Length * 2)];
                _buffer.AsSpan(_start, _end - _start).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            }
            _end -= _start;
            _start = 0;
        }
        while (_end - _start < count)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
            {
                _eof = true;
                break;
            }
            _end += read;
        }
        return Math.Min(count, _end - _start);
    }

    private int Available => _end - _start;

    private ReadOnlySpan<byte> Span(int at, int length) => _buffer.AsSpan(_start + at, length);

    private void Consume(int count)
    {
        _start += count;
        _offset += count;
    }

    private uint U32(ReadOnlySpan<byte> s) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

    private ushort U16(ReadOnlySpan<byte> s) => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    private ulong U64(ReadOnlySpan<byte> s) => _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s);

    private CaptureFormatException Error(string message, int at) => new(message, Frames + 1, _offset + at);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private readonly record struct PcapNgInterface(int LinkType, byte Resolution, long OffsetSeconds)
    {
        public long ToNanoseconds(ulong timestamp)
        {
            // §4.2 if_tsresol: b7 = 0 -> units of 10^-n s, b7 = 1 -> units of 2^-n s.
            var n = Resolution & 0x7F;
            Int128 nanos = (Resolution & 0x80) == 0
                ? (n <= 9 ? (Int128)timestamp * Pow10(9 - n) : (Int128)timestamp / Pow10(n - 9))
                : ((Int128)timestamp * 1_000_000_000) >> n;
            nanos += (Int128)OffsetSeconds * 1_000_000_000;
            return nanos > long.MaxValue ? long.MaxValue : nanos < long.MinValue ? long.MinValue : (long)nanos;
        }

        private static long Pow10(int n)
        {
            var value = 1L;
            for (var i = 0; i < n; i++)
                value *= 10;
            return value;
        }
    }
}
