using System.Buffers.Binary;

namespace CardKit.Testing.Captures;

/// <summary>
/// Writes a CCID reader's USB traffic from a description, independently of CardKit's decoder:
/// the configuration descriptor (interface class 0B with the 54-byte class descriptor, CCID Rev
/// 1.1 §5.1), bulk messages with their 10-byte headers (§6.1, §6.2) and interrupt messages (§6.3).
/// </summary>
public sealed class CcidCaptureBuilder(UsbCaptureBuilder usb)
{
    public const byte BulkOutEndpoint = 0x02;
    public const byte BulkInEndpoint = 0x82;
    public const byte InterruptEndpoint = 0x83;

    public UsbCaptureBuilder Usb => usb;

    /// <summary>GET_DESCRIPTOR(configuration) answered with a CCID interface announcing <paramref name="features"/>.</summary>
    public void Descriptor(uint features, byte pinSupport = 0, byte maxSlotIndex = 0, uint maxMessageLength = 271, uint maxIfsd = 254)
    {
        var d = new byte[9 + 9 + 54 + 7 + 7 + 7];
        // Configuration descriptor (USB 2.0 §9.6.3).
        d[0] = 9; d[1] = 2;
        BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(2), (ushort)d.Length);
        d[4] = 1; d[5] = 1; d[7] = 0x80; d[8] = 50;
        // Interface descriptor (§9.6.5): 3 endpoints, class 0B.
        d[9] = 9; d[10] = 4; d[13] = 3; d[14] = 0x0B;
        // CCID class descriptor (CCID Rev 1.1 §5.1).
        var c = d.AsSpan(18, 54);
        c[0] = 54; c[1] = 0x21;
        BinaryPrimitives.WriteUInt16LittleEndian(c[2..], 0x0110);
        c[4] = maxSlotIndex;
        c[5] = 0x07;
        BinaryPrimitives.WriteUInt32LittleEndian(c[6..], 0x00000003);
        BinaryPrimitives.WriteUInt32LittleEndian(c[10..], 4000);
        BinaryPrimitives.WriteUInt32LittleEndian(c[14..], 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(c[19..], 10752);
        BinaryPrimitives.WriteUInt32LittleEndian(c[23..], 344086);
        BinaryPrimitives.WriteUInt32LittleEndian(c[28..], maxIfsd);
        BinaryPrimitives.WriteUInt32LittleEndian(c[40..], features);
        BinaryPrimitives.WriteUInt32LittleEndian(c[44..], maxMessageLength);
        c[48] = 0xFF; c[49] = 0xFF;
        c[52] = pinSupport;
        c[53] = 1;
        // Endpoints (§9.6.6): bulk out, bulk in, interrupt in.
        Endpoint(d.AsSpan(72), BulkOutEndpoint, 2);
        Endpoint(d.AsSpan(79), BulkInEndpoint, 2);
        Endpoint(d.AsSpan(86), InterruptEndpoint, 3);
        byte[] setup = [0x80, 0x06, 0x00, 0x02, 0x00, 0x00, (byte)d.Length, 0x00];
        usb.ControlIn(setup, d);
    }

    private static void Endpoint(Span<byte> e, byte address, byte attributes)
    {
        e[0] = 7; e[1] = 5; e[2] = address; e[3] = attributes;
        BinaryPrimitives.WriteUInt16LittleEndian(e[4..], attributes == 3 ? (ushort)8 : (ushort)64);
        e[6] = attributes == 3 ? (byte)24 : (byte)0;
    }

    /// <summary>A PC_to_RDR message on the bulk-out endpoint.</summary>
    public void Send(byte type, byte slot, byte seq, ReadOnlySpan<byte> data = default, byte b7 = 0, byte b8 = 0, byte b9 = 0) =>
        usb.BulkOut(BulkOutEndpoint, Message(type, slot, seq, b7, b8, b9, data));

    /// <summary>A RDR_to_PC message on the bulk-in endpoint.</summary>
    public void Receive(byte type, byte slot, byte seq, ReadOnlySpan<byte> data = default, byte status = 0, byte error = 0, byte b9 = 0) =>
        usb.BulkIn(BulkInEndpoint, Message(type, slot, seq, status, error, b9, data));

    /// <summary>An interrupt-in message (NotifySlotChange, HardwareError).</summary>
    public void Interrupt(ReadOnlySpan<byte> message) => usb.InterruptIn(InterruptEndpoint, message);

    /// <summary>The header and data of a bulk message.</summary>
    public static byte[] Message(byte type, byte slot, byte seq, byte b7, byte b8, byte b9, ReadOnlySpan<byte> data)
    {
        var m = new byte[10 + data.Length];
        m[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(1), (uint)data.Length);
        m[5] = slot; m[6] = seq; m[7] = b7; m[8] = b8; m[9] = b9;
        data.CopyTo(m.AsSpan(10));
        return m;
    }

    /// <summary>A T=1 block with an LRC epilogue (ISO/IEC 7816-3:2006 §11.3.4.1); <paramref name="corruptEdc"/> flips it.</summary>
    public static byte[] T1Block(byte nad, byte pcb, ReadOnlySpan<byte> inf, bool corruptEdc = false)
    {
        var b = new byte[4 + inf.Length];
        b[0] = nad; b[1] = pcb; b[2] = (byte)inf.Length;
        inf.CopyTo(b.AsSpan(3));
        byte lrc = 0;
        for (var i = 0; i < b.Length - 1; i++)
            lrc ^= b[i];
        b[^1] = corruptEdc ? (byte)(lrc ^ 0x5A) : lrc;
        return b;
    }
}
