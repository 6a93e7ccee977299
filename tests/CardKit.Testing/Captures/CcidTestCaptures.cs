namespace CardKit.Testing.Captures;

/// <summary>
/// Capture scenarios for the spy tests and benches: an extended-APDU-level reader with two slots
/// (every CCID message type, short and extended APDUs with chaining, 61xx/6Cxx, a failed command,
/// a muted card, a time extension, Secure verify and modify, slot changes, a hardware error, an
/// unexpected response and an unanswered request), a TPDU-level T=1 reader (IFS, chaining, WTX, a
/// bad EDC and its retransmission) and a short-APDU reader on USBPcap without a descriptor.
/// </summary>
public static class CcidTestCaptures
{
    public static readonly byte[] UiccAtr = Hex("3B9F95801FC38031E073FE211363554018830790 00C2");
    public static readonly byte[] T1Atr = Hex("3BFA1300FF813180450031C173C0010000900 0B1");

    /// <summary>The CCID verify structure of libccid's scardcontrol.c example (bPINOperation 00 + 14 bytes + APDU).</summary>
    public static readonly byte[] SecureVerify = Hex("00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 00 20 00 00 08 30 30 30 30 00 00 00 00");

    /// <summary>A CCID modify structure (bPINOperation 01, bMsgIndex1-3 present) + CHANGE REFERENCE DATA template.</summary>
    public static readonly byte[] SecureModify = Hex("01 00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 00 24 00 00 08 30 30 30 30 30 30 30 30");

    /// <summary>The whole standard capture: readers A and B on usbmon (link type <paramref name="usbmonLinkType"/>), reader C on USBPcap when the container is pcapng.</summary>
    public static void Standard(Stream stream, CaptureContainer container = CaptureContainer.PcapNg, int usbmonLinkType = 220, bool bigEndian = false)
    {
        var writer = new CaptureWriter(stream, container, usbmonLinkType, bigEndian);
        var start = 1_700_000_000_000_000L;
        var a = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, usbmonLinkType, 1, 5) { Microseconds = start });
        ExtendedApduReader(a);
        var b = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, usbmonLinkType, 1, 7) { Microseconds = a.Usb.Microseconds });
        T1Reader(b);
        if (container == CaptureContainer.PcapNg)
        {
            var usbPcap = writer.AddInterface(249);
            var c = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, 249, 2, 3, usbPcap) { Microseconds = b.Usb.Microseconds });
            HeuristicReader(c);
        }
        a.Usb.Microseconds = Math.Max(b.Usb.Microseconds, a.Usb.Microseconds) + 10_000;
        // An unanswered request closes the capture.
        a.Send(0x65, 0, 0x7F);
    }

    /// <summary>Reader A (bus 1, device 5): extended APDU level, pin pad, two slots.</summary>
    public static void ExtendedApduReader(CcidCaptureBuilder r)
    {
        r.Descriptor(features: 0x000404BE, pinSupport: 0x03, maxSlotIndex: 1, maxMessageLength: 65544);
        r.Interrupt([0x50, 0x03]);                                   // slot 0 present, changed
        byte seq = 0;
        r.Send(0x65, 0, seq); r.Receive(0x81, 0, seq++, status: 0x01);  // GetSlotStatus -> present, inactive
        r.Send(0x62, 0, seq); r.Receive(0x80, 0, seq++, UiccAtr);       // IccPowerOn -> ATR
        r.Send(0x6C, 0, seq); r.Receive(0x82, 0, seq++, Hex("11 00 00 0A 00"), b9: 0);            // GetParameters -> T=0
        r.Send(0x61, 0, seq, Hex("96 10 00 75 00 FE 00"), b7: 1); r.Receive(0x82, 0, seq++, Hex("96 10 00 75 00 FE 00"), b9: 1);  // SetParameters T=1
        // SELECT USIM, 61xx, GET RESPONSE.
        Xfr(r, ref seq, "00 A4 04 04 07 A0 00 00 00 87 10 02", "61 1A");
        Xfr(r, ref seq, "00 C0 00 00 1A", "62 18 82 02 78 21 83 02 7F FF 84 07 A0 00 00 00 87 10 02 A5 03 80 01 71 8A 01 05 90 00");
        // READ BINARY with the wrong Le, then right.
        Xfr(r, ref seq, "00 B0 00 00 00", "6C 0A");
        Xfr(r, ref seq, "00 B0 00 00 0A", "98 10 32 54 76 98 10 32 54 76 90 00");
        // Extended UPDATE BINARY of 300 bytes, chained over two XfrBlocks (wLevelParameter 0001, 0002).
        var update = new byte[4 + 3 + 300];
        Hex("00 D6 00 00 00 01 2C").CopyTo(update, 0);
        for (var i = 0; i < 300; i++)
            update[7 + i] = (byte)i;
        r.Send(0x6F, 0, seq, update.AsSpan(0, 200), b8: 0x01); r.Receive(0x80, 0, seq++, [], b9: 0x10);
        r.Send(0x6F, 0, seq, update.AsSpan(200), b8: 0x02); r.Receive(0x80, 0, seq++, Hex("90 00"));
        // Extended READ BINARY of 512 bytes, the response chained (bChainParameter 01, then 02 after an empty 0010 XfrBlock).
        var read = new byte[514];
        for (var i = 0; i < 512; i++)
            read[i] = (byte)(i * 7);
        read[512] = 0x90;
        r.Send(0x6F, 0, seq, Hex("00 B0 00 00 00 02 00")); r.Receive(0x80, 0, seq++, read.AsSpan(0, 300), b9: 0x01);
        r.Send(0x6F, 0, seq, [], b8: 0x10); r.Receive(0x80, 0, seq++, read.AsSpan(300), b9: 0x02);
        // VERIFY in clear, wrong PIN: a failed command (63C2).
        Xfr(r, ref seq, "00 20 00 01 08 31 32 33 34 FF FF FF FF", "63 C2");
        // A muted card: the CCID command fails with ICC_MUTE.
        r.Send(0x6F, 0, seq, Hex("00 84 00 00 08")); r.Receive(0x80, 0, seq++, [], status: 0x40, error: 0xFE);
        // A time extension before the answer.
        r.Send(0x6F, 0, seq, Hex("00 88 00 00 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00"));
        r.Receive(0x80, 0, seq, [], status: 0x80, error: 0x01);
        r.Receive(0x80, 0, seq++, Hex("01 02 03 04 90 00"));
        // Secure: verify and modify on the pin pad.
        r.Send(0x69, 0, seq, SecureVerify); r.Receive(0x80, 0, seq++, Hex("90 00"));
        r.Send(0x69, 0, seq, SecureModify); r.Receive(0x80, 0, seq++, Hex("90 00"));
        // The other command types.
        r.Send(0x6B, 0, seq, Hex("01 02 03")); r.Receive(0x83, 0, seq++, Hex("A0 A1"));
        r.Send(0x6E, 0, seq, b7: 1); r.Receive(0x81, 0, seq++, b9: 1);
        r.Send(0x6E, 0, seq, b7: 0); r.Receive(0x81, 0, seq++, b9: 0);
        r.Send(0x6A, 0, seq, b7: 0x03, b8: 0xA0, b9: 0xA0); r.Receive(0x81, 0, seq++);
        r.Send(0x71, 0, seq, b7: 2); r.Receive(0x81, 0, seq++, status: 0x40, error: 0x00);
        r.Send(0x73, 0, seq, Hex("A0 0F 00 00 80 25 00 00")); r.Receive(0x84, 0, seq++, Hex("A0 0F 00 00 80 25 00 00"));
        r.Send(0x6D, 0, seq); r.Receive(0x82, 0, seq++, Hex("11 00 00 0A 00"), b9: 0);
        r.Send(0x72, 0, seq); r.Receive(0x81, 0, seq++);
        // Slot 1: card inserted, powered, one APDU.
        r.Interrupt([0x50, 0x0D]);
        r.Send(0x62, 1, 0x40, b7: 1); r.Receive(0x80, 1, 0x40, T1Atr);
        Xfr(r, ref seq, "00 CA 00 6E 00", "6E 03 4F 01 00 90 00", slot: 1);
        // Card removed from slot 1, a hardware error, and a response nobody asked for.
        r.Interrupt([0x50, 0x09]);
        r.Interrupt([0x51, 0x00, 0x33, 0x01]);
        r.Receive(0x80, 0, 0xEE, Hex("90 00"));
        r.Send(0x63, 0, seq); r.Receive(0x81, 0, seq++, status: 0x01);
    }

    /// <summary>Reader B (bus 1, device 7): TPDU level, T=1 with LRC.</summary>
    public static void T1Reader(CcidCaptureBuilder r)
    {
        r.Descriptor(features: 0x000100BA, maxIfsd: 254);
        byte seq = 0;
        r.Send(0x62, 0, seq); r.Receive(0x80, 0, seq++, T1Atr);
        r.Send(0x61, 0, seq, Hex("11 10 00 45 00 FE 00"), b7: 1); r.Receive(0x82, 0, seq++, Hex("11 10 00 45 00 FE 00"), b9: 1);
        // S(IFS request) FE and its response.
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0xC1, [0xFE]), CcidCaptureBuilder.T1Block(0, 0xE1, [0xFE]));
        // SELECT OpenPGP, chained: I(0) M -> R(1); I(1) -> S(WTX request) -> S(WTX response) -> I(0) M -> R(1) -> I(1).
        var select = Hex("00 A4 04 00 06 D2 76 00 01 24 01 00");
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x20, select.AsSpan(0, 6)), CcidCaptureBuilder.T1Block(0, 0x90, []));
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x40, select.AsSpan(6)), CcidCaptureBuilder.T1Block(0, 0xC3, [0x02]));
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0xE3, [0x02]), CcidCaptureBuilder.T1Block(0, 0x20, Hex("6F 10 84 06 D2 76 00 01 24 01")));
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x90, []), CcidCaptureBuilder.T1Block(0, 0x40, Hex("A5 04 01 02 03 04 90 00")));
        // A block with a bad EDC: the card asks again with R(0) EDC error; the host repeats it.
        var getData = Hex("00 CA 00 6E 00");
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x00, getData, corruptEdc: true), CcidCaptureBuilder.T1Block(0, 0x81, []));
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x00, getData), CcidCaptureBuilder.T1Block(0, 0x00, Hex("6E 01 00 90 00")));
        // VERIFY in clear over T=1 (masked in the output).
        Block(r, ref seq, CcidCaptureBuilder.T1Block(0, 0x40, Hex("00 20 00 81 06 31 32 33 34 35 36")), CcidCaptureBuilder.T1Block(0, 0x40, Hex("90 00")));
        r.Send(0x63, 0, seq); r.Receive(0x81, 0, seq++, status: 0x01);
    }

    /// <summary>Reader C (bus 2, device 3) on USBPcap: no descriptor captured, short APDUs.</summary>
    public static void HeuristicReader(CcidCaptureBuilder r)
    {
        byte seq = 0;
        r.Send(0x62, 0, seq); r.Receive(0x80, 0, seq++, UiccAtr);
        Xfr(r, ref seq, "A0 A4 00 00 02 3F 00", "9F 1A");
        Xfr(r, ref seq, "A0 C0 00 00 1A", "00 00 00 00 3F 00 01 00 00 00 00 00 0D 13 00 0A 04 00 83 8A 83 8A 00 03 00 00 90 00");
        Xfr(r, ref seq, "A0 B2 01 04 1C", "94 02");
    }

    /// <summary>One APDU exchange in one XfrBlock / DataBlock pair.</summary>
    public static void Xfr(CcidCaptureBuilder r, ref byte seq, string command, string response, byte slot = 0)
    {
        r.Send(0x6F, slot, seq, Hex(command));
        r.Receive(0x80, slot, seq++, Hex(response));
    }

    private static void Block(CcidCaptureBuilder r, ref byte seq, byte[] host, byte[] card)
    {
        r.Send(0x6F, 0, seq, host);
        r.Receive(0x80, 0, seq++, card);
    }

    /// <summary>
    /// A large capture for benchmarks: reader A's descriptor, then exchanges (SELECT, READ BINARY
    /// of 256 bytes, VERIFY, GET RESPONSE ...) until <paramref name="bytes"/> are written.
    /// </summary>
    public static void Large(Stream stream, long bytes)
    {
        var writer = new CaptureWriter(stream, CaptureContainer.PcapNg, 220);
        var r = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, 220, 1, 5) { Step = 40 });
        r.Descriptor(features: 0x000404BE, pinSupport: 0x03, maxSlotIndex: 0);
        byte seq = 0;
        r.Send(0x62, 0, seq); r.Receive(0x80, 0, seq++, UiccAtr);
        var readResponse = new byte[258];
        for (var i = 0; i < 256; i++)
            readResponse[i] = (byte)i;
        readResponse[256] = 0x90;
        var records = new[]
        {
            (Hex("00 A4 04 04 07 A0 00 00 00 87 10 02"), Hex("61 1A")),
            (Hex("00 C0 00 00 1A"), Hex("62 18 82 02 78 21 83 02 7F FF 84 07 A0 00 00 00 87 10 02 A5 03 80 01 71 8A 01 05 90 00")),
            (Hex("00 A4 00 04 02 6F 07"), Hex("62 19 82 02 41 21 83 02 6F 07 A5 03 C0 01 00 8A 01 05 8B 03 6F 06 03 80 02 00 09 90 00")),
            (Hex("00 B0 00 00 00"), readResponse),
            (Hex("00 20 00 01 08 31 32 33 34 FF FF FF FF"), Hex("90 00")),
            (Hex("00 B2 01 04 1C"), Hex("4A 6F 68 6E FF FF FF FF FF FF FF FF FF FF 06 81 21 43 65 87 F9 FF FF FF FF FF FF FF 90 00")),
        };
        var i2 = 0;
        while (stream.Position < bytes)
        {
            var (command, response) = records[i2++ % records.Length];
            r.Send(0x6F, 0, seq, command);
            r.Receive(0x80, 0, seq++, response);
        }
    }

    private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
