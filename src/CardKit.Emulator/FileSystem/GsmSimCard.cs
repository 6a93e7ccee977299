using System.Buffers.Binary;

namespace CardKit.Emulator.FileSystem;

/// <summary>
/// A GSM SIM (GSM 11.11 / 3GPP TS 51.011): class A0, 9Fxx + GET RESPONSE after SELECT, the
/// GSM 11.11 §9.2.1 select response with CHV status, status words 98xx/94xx.
/// </summary>
public sealed class GsmSimCard(byte[] atr, DedicatedFile mf, Pin chv1, Pin chv2) : FileSystemCard(atr, mf, chv1, chv2)
{
    // GSM 11.11 §9.4.
    private static readonly CardStatusWords GsmStatus = new(
        FileNotFound: 0x9404,
        NoCurrentEf: 0x9400,
        OutOfRange: 0x9402,
        RecordNotFound: 0x9402,
        SecurityNotSatisfied: 0x9804,
        PinBlocked: 0x9840,
        Contradiction: 0x9808,
        WrongStructure: 0x9408,
        WrongParameters: 0x6B00,
        NoPendingData: 0x6F00);

    /// <inheritdoc />
    public override string Kind => "sim";

    /// <inheritdoc />
    protected override CardStatusWords Sw => GsmStatus;

    /// <inheritdoc />
    protected override bool AcceptsClass(byte cla) => cla == 0xA0;

    // GSM 11.11 §9.4.5: 98 04 covers both "access condition not fulfilled" and "unsuccessful CHV verification".
    /// <inheritdoc />
    protected override ushort WrongPin(int remaining) => 0x9804;

    /// <inheritdoc />
    protected override ushort ResponseAvailable(int length) => (ushort)(0x9F00 | length);

    /// <inheritdoc />
    protected override ushort WrongLe(int correct) => 0x6700;

    /// <inheritdoc />
    protected override CardFile? Resolve(byte p1, ReadOnlySpan<byte> data) =>
        p1 == 0 && data.Length == 2 ? FindByFid(BinaryPrimitives.ReadUInt16BigEndian(data)) : null;

    // GSM 11.11 §9.2.1, response for MF/DF.
    /// <inheritdoc />
    protected override byte[] SelectResponse(DedicatedFile df)
    {
        var r = new byte[22];
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(2), 0x1000);
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(4), df.Fid);
        r[6] = df.Parent is null ? (byte)0x01 : (byte)0x02;
        r[12] = 9; // length of the GSM specific data that follows
        r[13] = (byte)(0x13 | (Pin1.Enabled ? 0x00 : 0x80)); // b8 = 1: CHV1 disabled
        r[14] = (byte)df.Children.OfType<DedicatedFile>().Count();
        r[15] = (byte)df.Children.OfType<ElementaryFile>().Count();
        r[16] = 4; // CHVs, UNBLOCK CHVs and ADM codes
        r[18] = ChvStatus(Pin1.RemainingTries);
        r[19] = ChvStatus(Pin1.RemainingUnblockTries);
        r[20] = ChvStatus(Pin2.RemainingTries);
        r[21] = ChvStatus(Pin2.RemainingUnblockTries);
        return r;
    }

    // b8 = secret code initialised, b4-b1 = remaining attempts.
    private static byte ChvStatus(int remaining) => (byte)(0x80 | Math.Min(remaining, 15));

    // GSM 11.11 §9.2.1, response for an EF.
    /// <inheritdoc />
    protected override byte[] SelectResponse(ElementaryFile ef)
    {
        var r = new byte[15];
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(2), (ushort)ef.Size);
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(4), ef.Fid);
        r[6] = 0x04;
        r[8] = (byte)((Nibble(ef.Read) << 4) | Nibble(ef.Update));
        r[9] = 0xFF;
        r[10] = 0x44;
        r[11] = 0x01; // not invalidated
        r[12] = 2;
        r[13] = ef.Structure switch
        {
            EfStructure.Transparent => 0x00,
            EfStructure.LinearFixed => 0x01,
            _ => 0x03,
        };
        r[14] = (byte)ef.RecordLength;
        return r;
    }

    // GSM 11.11 §9.3: 0 ALW, 1 CHV1, 2 CHV2, 4-E ADM, F NEV.
    private static int Nibble(AccessRule rule) => rule switch
    {
        AccessRule.Always => 0x0,
        AccessRule.Pin1 => 0x1,
        AccessRule.Pin2 => 0x2,
        AccessRule.Adm => 0x4,
        _ => 0xF,
    };
}
