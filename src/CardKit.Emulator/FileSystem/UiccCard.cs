using System.Buffers.Binary;
using CardKit.Tlv;

namespace CardKit.Emulator.FileSystem;

/// <summary>
/// An ISO/IEC 7816-4 / ETSI TS 102 221 card: class 00-03, SELECT by FID, path or DF name
/// (partial AID), FCP templates (TS 102 221 §11.1.1.3), 61xx/6Cxx for T=0, PIN status 63Cx.
/// The USIM and the plain ISO virtual cards are this class with different data.
/// </summary>
public sealed class UiccCard(string kind, byte[] atr, DedicatedFile mf, Pin pin1, Pin pin2) : FileSystemCard(atr, mf, pin1, pin2)
{
    // ISO/IEC 7816-4:2020 §5.6 (status bytes).
    private static readonly CardStatusWords IsoStatus = new(
        FileNotFound: 0x6A82,
        NoCurrentEf: 0x6986,
        OutOfRange: 0x6B00,
        RecordNotFound: 0x6A83,
        SecurityNotSatisfied: 0x6982,
        PinBlocked: 0x6983,
        Contradiction: 0x6985,
        WrongStructure: 0x6981,
        WrongParameters: 0x6A86,
        NoPendingData: 0x6985);

    private DedicatedFile? _currentAdf;

    /// <inheritdoc />
    public override string Kind { get; } = kind;

    /// <inheritdoc />
    protected override CardStatusWords Sw => IsoStatus;

    // ISO/IEC 7816-4:2020 §5.4.1: first interindustry class 0x0X; logical channels 0-3 accepted.
    /// <inheritdoc />
    protected override bool AcceptsClass(byte cla) => (cla & 0xF0) == 0x00 && (cla & 0x0C) == 0;

    /// <inheritdoc />
    protected override ushort WrongPin(int remaining) => (ushort)(0x63C0 | remaining);

    /// <inheritdoc />
    protected override ushort ResponseAvailable(int length) => (ushort)(0x6100 | (length & 0xFF));

    /// <inheritdoc />
    protected override ushort WrongLe(int correct) => (ushort)(0x6C00 | (correct & 0xFF));

    // ISO/IEC 7816-4:2020 §11.2.2 Table 63: P2 b4-b3 = 11 means no response data.
    /// <inheritdoc />
    protected override bool SelectReturnsData(byte p2) => (p2 & 0x0C) != 0x0C;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _currentAdf = null;
    }

    /// <inheritdoc />
    protected override CardFile? Resolve(byte p1, ReadOnlySpan<byte> data)
    {
        switch (p1)
        {
            case 0x00 when data.IsEmpty:
                return Mf;
            case 0x00 or 0x01 or 0x02 when data.Length == 2:
                var fid = BinaryPrimitives.ReadUInt16BigEndian(data);
                // TS 102 221 §8.4.1: 7FFF is the current application's ADF.
                var file = fid == 0x7FFF && _currentAdf is not null ? _currentAdf : FindByFid(fid);
                return p1 switch
                {
                    0x01 when file is not DedicatedFile => null,
                    0x02 when file is not ElementaryFile => null,
                    _ => file,
                };
            case 0x03:
                return CurrentEf is not null ? CurrentDf : CurrentDf.Parent ?? Mf;
            case 0x04 when data.Length is >= 5 and <= 16:
                var adf = FindApplication(data);
                if (adf is not null)
                    _currentAdf = adf;
                return adf;
            case 0x08 or 0x09 when data.Length >= 2 && data.Length % 2 == 0:
                return Walk(p1 == 0x08 ? Mf : CurrentDf, data);
            default:
                return null;
        }
    }

    // TS 102 221 §8.5.1: a right-truncated AID selects the application it starts.
    private DedicatedFile? FindApplication(ReadOnlySpan<byte> aid)
    {
        foreach (var df in Mf.Descendants())
        {
            if (df.Aid is { } full && full.AsSpan().StartsWith(aid))
                return df;
        }
        return null;
    }

    private static CardFile? Walk(DedicatedFile start, ReadOnlySpan<byte> path)
    {
        CardFile? file = start;
        for (var i = 0; i < path.Length; i += 2)
        {
            var fid = BinaryPrimitives.ReadUInt16BigEndian(path[i..]);
            if (i == 0 && fid == 0x3F00 && start.Parent is null)
                continue;
            file = (file as DedicatedFile)?.Child(fid);
            if (file is null)
                return null;
        }
        return file;
    }

    // TS 102 221 §11.1.1.4: file descriptor 78 21 = shareable DF; 84 DF name; C6 PIN status template.
    /// <inheritdoc />
    protected override byte[] SelectResponse(DedicatedFile df)
    {
        var fid = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(fid, df.Fid);
        var parts = new List<byte[]> { BerTlv.Encode(0x82, [0x78, 0x21]), BerTlv.Encode(0x83, fid) };
        if (df.Aid is { } aid)
            parts.Add(BerTlv.Encode(0x84, aid));
        parts.Add(BerTlv.Encode(0x8A, [0x05]));
        // §9.5.2: PS_DO bit b8 = first key reference (PIN1) enabled, b7 = second (PIN2).
        byte psDo = (byte)((Pin1.Enabled ? 0x80 : 0) | (Pin2.Enabled ? 0x40 : 0));
        parts.Add(BerTlv.EncodeConstructed(0xC6, BerTlv.Encode(0x90, [psDo]), BerTlv.Encode(0x83, [0x01]), BerTlv.Encode(0x83, [0x81])));
        return BerTlv.EncodeConstructed(0x62, [.. parts]);
    }

    // TS 102 221 §11.1.1.4.3: descriptor 41 21 transparent, 42 21 00 LL NN linear fixed, 46 cyclic.
    /// <inheritdoc />
    protected override byte[] SelectResponse(ElementaryFile ef)
    {
        var fid = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(fid, ef.Fid);
        var descriptor = ef.Structure switch
        {
            EfStructure.Transparent => new byte[] { 0x41, 0x21 },
            EfStructure.LinearFixed => [0x42, 0x21, 0x00, (byte)ef.RecordLength, (byte)ef.Records.Count],
            _ => [0x46, 0x21, 0x00, (byte)ef.RecordLength, (byte)ef.Records.Count],
        };
        var size = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(size, (ushort)ef.Size);
        var parts = new List<byte[]> { BerTlv.Encode(0x82, descriptor), BerTlv.Encode(0x83, fid) };
        if (ef.Sfi != 0)
            parts.Add(BerTlv.Encode(0x88, [(byte)(ef.Sfi << 3)]));
        parts.Add(BerTlv.Encode(0x8A, [0x05]));
        parts.Add(BerTlv.Encode(0x80, size));
        return BerTlv.EncodeConstructed(0x62, [.. parts]);
    }
}
