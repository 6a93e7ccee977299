using System.Buffers.Binary;

namespace CardKit.Testing.Captures;

/// <summary>
/// Writes USB transfers of one device as URB events: Linux usbmon (Documentation/usb/usbmon.rst,
/// 48- or 64-byte header, a submission 'S' and a completion 'C' per transfer, OUT data on the
/// submission, IN data on the completion) or Windows USBPcap (27-byte header, 28 for control).
/// </summary>
public sealed class UsbCaptureBuilder(CaptureWriter writer, int linkType, int bus, int device, int interfaceId = 0)
{
    private ulong _urb = 0xFFFF8880_00000000 + (ulong)device * 0x100000;
    private readonly byte[] _frame = new byte[1 << 17];

    /// <summary>The clock, microseconds since 1970; every event advances it.</summary>
    public long Microseconds { get; set; } = 1_700_000_000_000_000;

    /// <summary>Microseconds between a submission and its completion, and between transfers.</summary>
    public int Step { get; set; } = 250;

    public int Bus => bus;
    public int Device => device;

    public void BulkOut(byte endpoint, ReadOnlySpan<byte> data)
    {
        var urb = ++_urb;
        Event(urb, 'S', 3, endpoint, data, data.Length, [], status: -115);
        Event(urb, 'C', 3, endpoint, [], data.Length, [], status: 0);
    }

    public void BulkIn(byte endpoint, ReadOnlySpan<byte> data)
    {
        var urb = ++_urb;
        Event(urb, 'S', 3, endpoint, [], 65546, [], status: -115);
        Event(urb, 'C', 3, endpoint, data, data.Length, [], status: 0);
    }

    public void InterruptIn(byte endpoint, ReadOnlySpan<byte> data)
    {
        var urb = ++_urb;
        Event(urb, 'S', 1, endpoint, [], 8, [], status: -115);
        Event(urb, 'C', 1, endpoint, data, data.Length, [], status: 0);
    }

    /// <summary>A control IN transfer: SETUP on the submission, the data on the completion.</summary>
    public void ControlIn(ReadOnlySpan<byte> setup, ReadOnlySpan<byte> data)
    {
        var urb = ++_urb;
        Event(urb, 'S', 2, 0x80, [], BinaryPrimitives.ReadUInt16LittleEndian(setup[6..]), setup, status: -115);
        Event(urb, 'C', 2, 0x80, data, data.Length, [], status: 0);
    }

    private void Event(ulong urb, char type, byte transfer, byte endpoint, ReadOnlySpan<byte> data, int length, ReadOnlySpan<byte> setup, int status)
    {
        Microseconds += Step;
        var frame = linkType == 249 ? UsbPcap(urb, type, transfer, endpoint, data, setup) : Usbmon(urb, type, transfer, endpoint, data, length, setup, status);
        writer.WritePacket(Microseconds, frame, interfaceId);
    }

    private ReadOnlySpan<byte> Usbmon(ulong urb, char type, byte transfer, byte endpoint, ReadOnlySpan<byte> data, int length, ReadOnlySpan<byte> setup, int status)
    {
        var headerLength = linkType == 220 ? 64 : 48;
        var f = _frame.AsSpan(0, headerLength + data.Length);
        f.Clear();
        var big = writer.BigEndian;
        W64(f, big, 0, urb);
        f[8] = (byte)type;
        f[9] = transfer;
        f[10] = endpoint;
        f[11] = (byte)device;
        W16(f, big, 12, (ushort)bus);
        f[14] = setup.IsEmpty ? (byte)'-' : (byte)0;
        f[15] = !data.IsEmpty ? (byte)0 : (endpoint & 0x80) != 0 ? (byte)'<' : (byte)'>';
        W64(f, big, 16, (ulong)(Microseconds / 1_000_000));
        W32(f, big, 24, (int)(Microseconds % 1_000_000));
        W32(f, big, 28, status);
        W32(f, big, 32, length);
        W32(f, big, 36, data.Length);
        setup.CopyTo(f[40..]);
        data.CopyTo(f[headerLength..]);
        return f;
    }

    private ReadOnlySpan<byte> UsbPcap(ulong irp, char type, byte transfer, byte endpoint, ReadOnlySpan<byte> data, ReadOnlySpan<byte> setup)
    {
        var headerLength = transfer == 2 ? 28 : 27;
        var payload = setup.Length + data.Length;
        var f = _frame.AsSpan(0, headerLength + payload);
        f.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(f, (ushort)headerLength);
        BinaryPrimitives.WriteUInt64LittleEndian(f[2..], irp);
        BinaryPrimitives.WriteUInt16LittleEndian(f[14..], transfer == 2 ? (ushort)0x000B : (ushort)0x0009);
        f[16] = type == 'C' ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(f[17..], (ushort)bus);
        BinaryPrimitives.WriteUInt16LittleEndian(f[19..], (ushort)device);
        f[21] = endpoint;
        f[22] = transfer;
        BinaryPrimitives.WriteUInt32LittleEndian(f[23..], (uint)payload);
        if (transfer == 2)
            f[27] = type == 'S' ? (byte)0 : (byte)3;
        setup.CopyTo(f[headerLength..]);
        data.CopyTo(f[(headerLength + setup.Length)..]);
        return f;
    }

    private static void W64(Span<byte> f, bool big, int at, ulong v)
    {
        if (big) BinaryPrimitives.WriteUInt64BigEndian(f[at..], v); else BinaryPrimitives.WriteUInt64LittleEndian(f[at..], v);
    }

    private static void W32(Span<byte> f, bool big, int at, int v)
    {
        if (big) BinaryPrimitives.WriteInt32BigEndian(f[at..], v); else BinaryPrimitives.WriteInt32LittleEndian(f[at..], v);
    }

    private static void W16(Span<byte> f, bool big, int at, ushort v)
    {
        if (big) BinaryPrimitives.WriteUInt16BigEndian(f[at..], v); else BinaryPrimitives.WriteUInt16LittleEndian(f[at..], v);
    }
}
