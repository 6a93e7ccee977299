using System.Buffers.Binary;
using CardKit.Tlv;

namespace CardKit.Sim;

/// <summary>
/// SELECT for GSM 11.11 (class A0, by FID from the current DF) and TS 102 221 (class 00, by FID or
/// by path from the MF), remembering what is selected so that no SELECT is sent twice in a row (the
/// phone book dump's APDU budget), and the parsers of what a SELECT answers.
/// </summary>
internal sealed class SimFileSelector(SimTransport transport)
{
    private static readonly byte[] DfPhonebookPath = [0x7F, 0x10, 0x5F, 0x3A];
    private static readonly ushort[] DfTelecomPath = [0x3F00, 0x7F10];

    /// <summary>The USIM AID prefix (TS 31.102 Annex A): RID A000000087, application code 1002.</summary>
    public static ReadOnlySpan<byte> UsimAidPrefix => [0xA0, 0x00, 0x00, 0x00, 0x87, 0x10, 0x02];

    private ushort? _currentDf = 0x3F00;

    /// <summary>The EF selected last, or null when a DF is.</summary>
    public ushort? CurrentEf { get; private set; }

    /// <summary>Selects a file of the current DF (or a DF reachable from it) by FID; returns the response data.</summary>
    public byte[] Select(string name, ushort fid)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, fid);
        (_currentDf, CurrentEf) = (null, null);
        var response = transport.Kind == SimKind.Gsm
            ? transport.Send(0xA0, 0xA4, 0x00, 0x00, data, -1, $"SELECT {name} {fid:X4}")
            : transport.Send(0x00, 0xA4, 0x00, 0x04, data, -1, $"SELECT {name} {fid:X4}");
        if (IsDf(fid))
            _currentDf = fid;
        else
            CurrentEf = fid;
        return response;
    }

    /// <summary>Selects each FID of <paramref name="path"/> in turn; returns the last response.</summary>
    public byte[] SelectPath(string name, params ushort[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // GSM 11.11 §6.5 / TS 102 221 §8.4.1: a DF under the MF can be selected from the MF or a sibling DF.
        var start = path.Length > 1 && path[0] == 0x3F00 && (path[1] >> 8) == 0x7F && CurrentEf is null
            && (_currentDf == 0x3F00 || (_currentDf >> 8) == 0x7F) ? 1 : 0;
        byte[] last = [];
        for (var i = start; i < path.Length; i++)
            last = Select(name, path[i]);
        return last;
    }

    /// <summary>Selects the directory of a set of phone book files unless it is already current with no EF selected.</summary>
    public void SelectDirectory(PhonebookDirectory directory)
    {
        if (directory == PhonebookDirectory.Phonebook)
        {
            // TS 102 221 §11.1.1.2: P1 08 = path from the MF, without the MF's FID.
            transport.Send(0x00, 0xA4, 0x08, 0x04, DfPhonebookPath, -1, "SELECT DF_PHONEBOOK");
            (_currentDf, CurrentEf) = (BinaryPrimitives.ReadUInt16BigEndian(DfPhonebookPath.AsSpan(2)), null);
            return;
        }
        if (CurrentEf is null && _currentDf == DfTelecomPath[^1])
            return;
        SelectPath("DF_TELECOM", DfTelecomPath);
    }

    /// <summary>Selects ADF USIM by its AID prefix: TS 102 221 §8.5.1 (the full AID is in EF_DIR; a truncated one selects it).</summary>
    public void SelectUsimApplication()
    {
        var sw = transport.Exchange(0x00, 0xA4, 0x04, 0x04, UsimAidPrefix.ToArray(), -1).StatusWord;
        SimTransport.ThrowUnlessSuccess(sw, "SELECT ADF USIM", transport.SwContext);
        (_currentDf, CurrentEf) = (0x7FFF, null);
    }

    /// <summary>Selects a record EF and reads its record length and count from the response.</summary>
    /// <exception cref="CardStatusException">The card has no such file (94 04 / 6A 82) or refused.</exception>
    /// <exception cref="CardKitFormatException">The file is not a record file.</exception>
    public RecordFileInfo DescribeRecordFile(string name, ushort fid) => ParseRecordFile(transport.Kind, name, fid, Select(name, fid));

    /// <summary><see cref="DescribeRecordFile"/>, or null when the card has no such file.</summary>
    public RecordFileInfo? TryDescribeRecordFile(string name, ushort fid)
    {
        try
        {
            return DescribeRecordFile(name, fid);
        }
        catch (CardStatusException e) when (e.StatusWord.Value is 0x9404 or 0x6A82)
        {
            return null;
        }
    }

    /// <summary>READ RECORD (absolute) of the selected file.</summary>
    public byte[] ReadRecord(RecordFileInfo file, int number) =>
        transport.Send(transport.Cla, 0xB2, (byte)number, 0x04, [], file.RecordLength, $"READ RECORD {number} of {file.Name}");

    /// <summary>
    /// Record length and count from a select response: GSM 11.11 §9.2.1 (bytes 3-4 file size, 14
    /// structure, 15 record length) or the TS 102 221 §11.1.1.4.3 file descriptor (82: type, coding,
    /// record length on two bytes, number of records).
    /// </summary>
    /// <exception cref="CardKitFormatException">The response is too short or describes no record file.</exception>
    public static RecordFileInfo ParseRecordFile(SimKind kind, string name, ushort fid, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (kind == SimKind.Gsm)
        {
            if (response.Length < 15)
                throw new CardKitFormatException($"{name}: the select response has {response.Length} bytes, 15 expected", response.Length);
            var size = (response[2] << 8) | response[3];
            var recordLength = response[14];
            if (response[13] is not (0x01 or 0x03) || recordLength == 0)
                throw new CardKitFormatException($"{name} is not a record file (structure {response[13]:X2})", 13);
            return new RecordFileInfo(name, fid, recordLength, size / recordLength);
        }
        var fcp = BerTlv.Find(response, 0x62) ?? response;
        var descriptor = BerTlv.Find(fcp, 0x82) ?? throw new CardKitFormatException($"{name}: FCP without file descriptor (82)", 0);
        if (descriptor.Length < 5)
            throw new CardKitFormatException($"{name} is not a record file (descriptor {Hex.Format(descriptor.Span)})", 0);
        var d = descriptor.Span;
        return new RecordFileInfo(name, fid, (d[2] << 8) | d[3], d[4]);
    }

    /// <summary>CHV1 state from a GSM DF select response (GSM 11.11 §9.2.1: byte 14 b8 = CHV1 disabled, byte 19 low nibble = tries left).</summary>
    /// <exception cref="CardKitFormatException">The response is shorter than 19 bytes.</exception>
    public static ChvStatus ParseGsmChv1(byte[] dfResponse)
    {
        ArgumentNullException.ThrowIfNull(dfResponse);
        if (dfResponse.Length < 19)
            throw new CardKitFormatException($"the DF_TELECOM select response has {dfResponse.Length} bytes; GSM 11.11 §9.2.1 needs 19 to give the CHV1 status", dfResponse.Length);
        return new ChvStatus((dfResponse[13] & 0x80) == 0, dfResponse[18] & 0x0F, Verified: false);
    }

    /// <summary>
    /// Whether PIN1 is enabled according to an FCP: TS 102 221 §9.5.2, PIN status template DO C6,
    /// PS_DO 90, b8 of its first byte = the first key reference enabled. True when the FCP does not say.
    /// </summary>
    public static bool ParsePinEnabled(byte[] fcp)
    {
        ArgumentNullException.ThrowIfNull(fcp);
        try
        {
            var template = BerTlv.Find(fcp, 0x62) ?? fcp;
            if (BerTlv.Find(template, 0xC6) is { } pinStatus && BerTlv.Find(pinStatus, 0x90) is { Length: > 0 } psDo)
                return (psDo.Span[0] & 0x80) != 0;
        }
        catch (CardKitFormatException)
        {
        }
        return true;
    }

    private static bool IsDf(ushort fid) => fid == 0x3F00 || (fid >> 8) is 0x7F or 0x5F;
}
