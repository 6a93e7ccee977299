using System.Buffers.Binary;
using System.Text;
using CardKit.Iso7816;
using CardKit.Tlv;

namespace CardKit.Sim;

/// <summary>
/// SIM and USIM access over any <see cref="ICardChannel"/>: card kind, ICCID, IMSI, CHV1 state,
/// PIN verification that never blocks a PIN, and the phone book (GSM 11.11 DF_TELECOM/EF_ADN,
/// or the USIM phone book found through EF_PBR). Card errors become <see cref="CardStatusException"/>
/// with a message a person can act on.
/// </summary>
public sealed class SimSession
{
    private static readonly byte[] UsimAidPrefix = [0xA0, 0x00, 0x00, 0x00, 0x87, 0x10, 0x02];
    private readonly CardSession _session;
    private List<PhonebookLayout>? _layouts;
    private readonly Dictionary<(ushort Fid, byte Id), byte[]?> _ext1Cache = [];

    private readonly ApduCounter _counter;

    private SimSession(CardSession session, ApduCounter counter, SimKind kind)
    {
        _session = session;
        _counter = counter;
        Kind = kind;
    }

    public SimKind Kind { get; }

    /// <summary>APDUs sent so far, GET RESPONSEs included (the APDU-count bar of the phone book dump).</summary>
    public int ApduCount => _counter.Count;

    private byte Cla => Kind == SimKind.Gsm ? (byte)0xA0 : (byte)0x00;

    private StatusWordContext SwContext => Kind == SimKind.Gsm ? StatusWordContext.Gsm : StatusWordContext.Uicc;

    /// <summary>Finds out whether the card is a GSM SIM (class A0) or a UICC (class 00).</summary>
    /// <exception cref="CardStatusException">Neither class is answered.</exception>
    public static SimSession Open(ICardChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var counter = new ApduCounter();
        var counted = new TracingChannel(channel, counter, ownsInner: false);
        var session = new CardSession(counted);
        // GSM 11.11 §9.2.1: SELECT MF with class A0 answers 9Fxx; a UICC without GSM access says 6E00.
        var gsm = new CardSession(counted, raw: true).Transmit(Hex.Parse("A0 A4 00 00 02 3F 00"));
        if (gsm.Sw1 == 0x9F)
            return new SimSession(session, counter, SimKind.Gsm);
        var uicc = session.Transmit(Hex.Parse("00 A4 00 04 02 3F 00"));
        if (uicc.StatusWord.IsSuccess)
        {
            var sim = new SimSession(session, counter, SimKind.Usim);
            if (!sim.HasUsimApplication())
                throw new CardStatusException("this UICC/ISO 7816 card has no USIM application in EF_DIR (2F00), so it is not a SIM", uicc.StatusWord);
            return sim;
        }
        throw new CardStatusException(
            $"this card is neither a GSM SIM (SELECT MF class A0 gave {gsm.StatusWord}) nor a UICC (class 00 gave {uicc.StatusWord}: {uicc.StatusWord.Describe()})",
            uicc.StatusWord);
    }

    // TS 102 221 §13.1: EF_DIR records are application templates 61 with the AID in 4F.
    private bool HasUsimApplication()
    {
        try
        {
            var dir = RecordFile("EF_DIR", 0x2F00);
            for (var i = 1; i <= dir.RecordCount; i++)
            {
                var record = ReadRecordOfSelected(dir, i);
                if (record[0] == 0x61 && BerTlv.Find(BerTlv.Find(record, 0x61) ?? default, 0x4F) is { } aid
                    && aid.Span.StartsWith(UsimAidPrefix))
                    return true;
            }
        }
        catch (Exception e) when (e is CardStatusException or CardKitFormatException)
        {
        }
        return false;
    }

    /// <summary>ICCID from EF_ICCID 2FE2 (TS 102 221 §13.2: BCD, nibbles swapped).</summary>
    public string ReadIccid()
    {
        SelectPath("MF/EF_ICCID", 0x3F00, 0x2FE2);
        var data = Send(Cla, 0xB0, 0, 0, [], 10, "READ BINARY EF_ICCID");
        return BcdNumber.Decode(data);
    }

    /// <summary>IMSI (GSM 11.11 §10.3.2 / TS 31.102 §4.2.2) or null when CHV1 has not been verified.</summary>
    public string? TryReadImsi()
    {
        try
        {
            if (Kind == SimKind.Gsm)
                SelectPath("DF_GSM/EF_IMSI", 0x3F00, 0x7F20, 0x6F07);
            else
            {
                SelectUsimApplication();
                Select("EF_IMSI", 0x6F07);
            }
            var data = Send(Cla, 0xB0, 0, 0, [], 9, "READ BINARY EF_IMSI");
            if (data.Length < 2 || data[0] is 0 or 0xFF)
                return null;
            // Byte 1 = length; byte 2 low nibble = parity, high nibble = first digit.
            var digits = BcdNumber.Decode(data.AsSpan(1, Math.Min(data[0], data.Length - 1)));
            return digits.Length > 1 ? digits[1..] : null;
        }
        catch (CardStatusException e) when (IsAccessDenied(e.StatusWord))
        {
            return null;
        }
    }

    /// <summary>CHV1 state without spending a try: GSM from the DF response (GSM 11.11 §9.2.1 bytes 14 and 19), UICC by VERIFY without data (TS 102 221 §11.1.9).</summary>
    public ChvStatus ReadChv1Status()
    {
        if (Kind == SimKind.Gsm)
        {
            var df = SelectPath("DF_TELECOM", 0x3F00, 0x7F10);
            if (df.Length < 19)
                throw new CardKitFormatException($"the DF_TELECOM select response has {df.Length} bytes; GSM 11.11 §9.2.1 needs 19 to give the CHV1 status", df.Length);
            var enabled = (df[13] & 0x80) == 0;
            return new ChvStatus(enabled, df[18] & 0x0F, Verified: false);
        }
        var mf = SelectPath("MF", 0x3F00);
        var enabledUicc = PinEnabledFromFcp(mf);
        var sw = Exchange(0x00, 0x20, 0x00, 0x01, [], -1).StatusWord;
        return sw.Value switch
        {
            0x9000 => new ChvStatus(enabledUicc, 3, Verified: enabledUicc),
            0x6983 => new ChvStatus(true, 0, false),
            _ when sw.Sw1 == 0x63 && (sw.Sw2 & 0xF0) == 0xC0 => new ChvStatus(true, sw.Sw2 & 0x0F, false),
            _ => new ChvStatus(enabledUicc, -1, false),
        };
    }

    // TS 102 221 §9.5.2: PIN status template DO C6, PS_DO 90: b8 of the first byte = first key reference enabled.
    private static bool PinEnabledFromFcp(byte[] fcp)
    {
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

    /// <summary>
    /// Verifies CHV1 once. Refuses when 1 try or fewer is left unless <paramref name="force"/>;
    /// never retries. Does nothing when CHV1 is disabled or already verified.
    /// </summary>
    public void VerifyChv1(string pin, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
            throw new ArgumentException("a PIN is 4 to 8 digits (GSM 11.11 §9.3, TS 102 221 §9.5.1)", nameof(pin));
        var status = ReadChv1Status();
        if (!status.Enabled || status.Verified)
            return;
        if (status.Blocked)
            throw new CardStatusException("CHV1 (PIN) is blocked: unblock it with the PUK (UNBLOCK CHV) before reading the phone book.", new StatusWord(Kind == SimKind.Gsm ? (ushort)0x9840 : (ushort)0x6983));
        if (status.RemainingAttempts <= 1 && !force)
            throw new CardStatusException($"CHV1 has {status.RemainingAttempts} attempt left; a wrong PIN now blocks the card. Not trying it (use --force if you are sure).", new StatusWord(0x63C1));
        var block = Enumerable.Repeat((byte)0xFF, 8).ToArray();
        Encoding.ASCII.GetBytes(pin).CopyTo(block, 0);
        var sw = Exchange(Cla, 0x20, 0x00, 0x01, block, -1).StatusWord;
        if (sw.IsSuccess)
            return;
        if (sw.Value is 0x9804 or 0x6982 || (sw.Sw1 == 0x63 && (sw.Sw2 & 0xF0) == 0xC0))
        {
            var left = Kind == SimKind.Gsm ? ReadChv1Status().RemainingAttempts : sw.Sw2 & 0x0F;
            throw new CardStatusException($"wrong PIN: {left} attempt(s) left. Not retrying.", sw);
        }
        if (sw.Value is 0x9840 or 0x6983)
            throw new CardStatusException("wrong PIN: CHV1 is now blocked; unblock it with the PUK.", sw);
        if (sw.Value is 0x9808 or 0x6984)
            throw new CardStatusException("CHV1 is disabled; no PIN is needed.", sw);
        throw new CardStatusException($"VERIFY CHV1 failed: {sw} {sw.Describe(SwContext)}", sw);
    }

    /// <summary>The first (on most cards the only) set of phone book files; see <see cref="FindPhonebooks"/>.</summary>
    public PhonebookLayout FindPhonebook() => FindPhonebooks()[0];

    /// <summary>
    /// The phone book files: GSM DF_TELECOM/EF_ADN; USIM one set per used EF_PBR record in
    /// DF_TELECOM/DF_PHONEBOOK (cards with more than 250 entries have two or more EF_ADN), else
    /// DF_TELECOM/EF_ADN.
    /// </summary>
    public IReadOnlyList<PhonebookLayout> FindPhonebooks()
    {
        if (_layouts is not null)
            return _layouts;
        if (Kind == SimKind.Gsm)
        {
            SelectDf("DF_TELECOM", 0x3F00, 0x7F10);
            // EXT1 first: EF_ADN stays selected for the dump.
            var ext1 = TryRecordFile("EF_EXT1", 0x6F4A);
            var adn = RecordFile("EF_ADN", 0x6F3A);
            return _layouts = [new PhonebookLayout(adn, ext1, null, null, "DF_TELECOM 7F10")];
        }
        try
        {
            SelectByPath("DF_PHONEBOOK", [0x7F, 0x10, 0x5F, 0x3A]);
            var pbr = RecordFile("EF_PBR", 0x4F30);
            var records = Enumerable.Range(1, pbr.RecordCount).Select(r => ReadRecordOfSelected(pbr, r)).ToList();
            var layouts = new List<PhonebookLayout>();
            for (var r = 1; r <= records.Count; r++)
            {
                // An unused EF_PBR record is all 'FF'; record 1 must name an EF_ADN.
                if (r > 1 && records[r - 1].All(b => b == 0xFF))
                    continue;
                layouts.Add(PbrSet(r, records[r - 1]));
            }
            return _layouts = layouts;
        }
        catch (CardStatusException e) when (e.StatusWord.Value == 0x6A82)
        {
            SelectPath("DF_TELECOM", 0x3F00, 0x7F10);
            var adn = RecordFile("EF_ADN", 0x6F3A);
            var ext1 = TryRecordFile("EF_EXT1", 0x6F4A);
            return _layouts = [new PhonebookLayout(adn, ext1, null, null, "DF_TELECOM 7F10 (no EF_PBR)")];
        }
    }

    /// <summary>Every phone book file of every set, once each (sets may share type 3 files such as EF_EXT1).</summary>
    public IReadOnlyList<RecordFileInfo> PhonebookFiles() => FindPhonebooks().SelectMany(l => l.Files).DistinctBy(f => f.Fid).ToList();

    // The files one EF_PBR record names; those of record 2 and later are named "EF_ADN#2" and so on.
    private PhonebookLayout PbrSet(int pbrRecord, byte[] record)
    {
        var (files, type2, adnSfi) = ParsePbr(record);
        var suffix = pbrRecord == 1 ? "" : $"#{pbrRecord}";
        if (!files.TryGetValue(0xC0, out var adnFid))
            throw new CardKitFormatException($"EF_PBR record {pbrRecord} has no EF_ADN (tag C0)", 0);
        var adn = RecordFile("EF_ADN" + suffix, adnFid);
        var ext1 = files.TryGetValue(0xC2, out var e) ? TryRecordFile("EF_EXT1" + suffix, e) : null;
        var email = files.TryGetValue(0xCA, out var m) ? TryRecordFile("EF_EMAIL" + suffix, m) : null;
        var anr = files.TryGetValue(0xC4, out var a) ? TryRecordFile("EF_ANR" + suffix, a) : null;
        var iap = type2.Count > 0 && files.TryGetValue(0xC1, out var i) ? TryRecordFile("EF_IAP" + suffix, i) : null;
        int? emailPosition = iap is null ? null : type2.IndexOf(0xCA) is >= 0 and var ep ? ep : null;
        int? anrPosition = iap is null ? null : type2.IndexOf(0xC4) is >= 0 and var ap ? ap : null;
        return new PhonebookLayout(adn, ext1, email, anr, $"DF_TELECOM/DF_PHONEBOOK 7F10/5F3A (EF_PBR record {pbrRecord})")
        {
            PbrRecord = pbrRecord,
            AdnSfi = adnSfi,
            Iap = iap,
            EmailIapPosition = emailPosition,
            AnrIapPosition = anrPosition,
        };
    }

    // TS 31.102 §4.4.2.1: A8 type 1, A9 type 2, AA type 3 templates of tags C0..CB with FID (+ SFI).
    // Every file by tag (FID, and SFI when the entry has a third byte), and the type 2 tags in
    // template order: the order of their bytes in EF_IAP.
    private static (Dictionary<byte, ushort> Files, List<byte> Type2, byte? AdnSfi) ParsePbr(byte[] record)
    {
        var files = new Dictionary<byte, ushort>();
        var type2 = new List<byte>();
        byte? adnSfi = null;
        foreach (var template in BerTlv.Parse(record))
        {
            if (template.Tag is not (0xA8 or 0xA9 or 0xAA))
                continue;
            foreach (var file in BerTlv.Parse(template.Value))
            {
                if (file.Value.Length < 2 || file.Tag is < 0xC0 or > 0xCB)
                    continue;
                files.TryAdd((byte)file.Tag, BinaryPrimitives.ReadUInt16BigEndian(file.Value.Span));
                if (template.Tag == 0xA9)
                    type2.Add((byte)file.Tag);
                if (file.Tag == 0xC0 && file.Value.Length >= 3)
                    adnSfi = file.Value.Span[2];
            }
        }
        return (files, type2, adnSfi);
    }

    /// <summary>
    /// Reads every ADN record of every phone book set (the counts come from the select responses,
    /// not a fixed 250), following EXT1 chains, entry by entry: what was read before a failure has
    /// been yielded. <paramref name="progress"/> gets (records read, records in all sets).
    /// </summary>
    public IEnumerable<PhonebookEntry> ReadPhonebook(Action<int, int>? progress = null, bool includeEmpty = false)
    {
        var layouts = FindPhonebooks();
        var total = layouts.Sum(l => l.Adn.RecordCount);
        var done = 0;
        foreach (var layout in layouts)
        {
            foreach (var entry in ReadPhonebookSet(layout, (i, _) => progress?.Invoke(done + i, total), includeEmpty))
                yield return entry;
            done += layout.Adn.RecordCount;
        }
    }

    /// <summary>Reads the ADN records of one set of phone book files (one EF_PBR record).</summary>
    public IEnumerable<PhonebookEntry> ReadPhonebookSet(PhonebookLayout layout, Action<int, int>? progress = null, bool includeEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        // EF_IAP is read once for the set, not once per entry.
        var iapRecords = layout.Iap is { } iapFile && (layout.EmailIapPosition ?? layout.AnrIapPosition) is not null ? ReadAllRecords(iapFile) : null;
        if (_currentEf != layout.Adn.Fid)
        {
            SelectPhonebookDf(layout);
            Select(layout.Adn.Name, layout.Adn.Fid);
        }
        for (var i = 1; i <= layout.Adn.RecordCount; i++)
        {
            var record = ReadRecordOfSelected(layout.Adn, i);
            progress?.Invoke(i, layout.Adn.RecordCount);
            var adn = AdnRecord.Decode(i, record, id => Ext1(layout, id));
            if (adn.IsEmpty && !includeEmpty)
                continue;
            string? email = null, anr = null;
            if (!adn.IsEmpty)
            {
                var iap = iapRecords is not null && i <= iapRecords.Count ? iapRecords[i - 1] : null;
                if (Companion(layout, layout.Email, layout.EmailIapPosition, iap, i) is { } emailRecord)
                    email = NullIfEmpty(AlphaIdentifier.Decode(emailRecord).Text);
                if (Companion(layout, layout.Anr, layout.AnrIapPosition, iap, i) is { } anrRecord)
                    anr = NullIfEmpty(AdnRecord.Decode(i, anrRecord).DisplayNumber);
            }
            yield return new PhonebookEntry(adn, email, anr) { Set = layout.PbrRecord };
        }
    }

    /// <summary>The raw records of a phone book file, for backups.</summary>
    public List<byte[]> ReadAllRecords(RecordFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        SelectPhonebookDf(FindPhonebook());
        Select(file.Name, file.Fid);
        return Enumerable.Range(1, file.RecordCount).Select(i => ReadRecordOfSelected(file, i)).ToList();
    }

    /// <summary>UPDATE RECORD (absolute) then READ RECORD and compare.</summary>
    /// <exception cref="CardStatusException">The card refused or read back something else.</exception>
    public void WriteRecord(RecordFileInfo file, int recordNumber, byte[] record)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Length != file.RecordLength)
            throw new ArgumentException($"{file.Name} records are {file.RecordLength} bytes, got {record.Length}", nameof(record));
        SelectPhonebookDf(FindPhonebook());
        Select(file.Name, file.Fid);
        Send(Cla, 0xDC, (byte)recordNumber, 0x04, record, -1, $"UPDATE RECORD {recordNumber} of {file.Name}");
        var back = ReadRecordOfSelected(file, recordNumber);
        if (!back.AsSpan().SequenceEqual(record))
            throw new CardStatusException($"{file.Name} record {recordNumber} reads back as {Hex.Format(back)}, not what was written", StatusWord.Success);
        if (_layouts?.Any(l => l.Ext1 == file) == true)
            _ext1Cache[(file.Fid, (byte)recordNumber)] = back;
    }

    /// <summary>The command APDU <see cref="WriteRecord"/> sends, for --dry-run.</summary>
    public byte[] UpdateRecordApdu(int recordNumber, byte[] record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [Cla, 0xDC, (byte)recordNumber, 0x04, (byte)record.Length, .. record];
    }

    private byte[]? Ext1(PhonebookLayout layout, byte id)
    {
        if (layout.Ext1 is not { } ext || id == 0 || id > ext.RecordCount)
            return null;
        if (!_ext1Cache.TryGetValue((ext.Fid, id), out var record))
        {
            Select(ext.Name, ext.Fid);
            record = ReadRecordOfSelected(ext, id);
            _ext1Cache[(ext.Fid, id)] = record;
            Select(layout.Adn.Name, layout.Adn.Fid);
        }
        return record;
    }

    // The companion record of ADN record `adnRecord` (TS 31.102 §4.4.2: EF_IAP, EF_ANR, EF_EMAIL).
    // Type 1: the same record number. Type 2: the record EF_IAP names ('00' or 'FF': none),
    // without the ADN SFI and ADN record identifier that end every type 2 record.
    private byte[]? Companion(PhonebookLayout layout, RecordFileInfo? file, int? iapPosition, byte[]? iap, int adnRecord)
    {
        if (file is null)
            return null;
        if (iapPosition is not { } position)
            return adnRecord <= file.RecordCount ? ReadCompanion(layout, file, adnRecord) : null;
        if (iap is null || position >= iap.Length || iap[position] is 0x00 or 0xFF || iap[position] > file.RecordCount || file.RecordLength < 3)
            return null;
        return ReadCompanion(layout, file, iap[position])[..^2];
    }

    // Reads record `number` of a companion file and goes back to EF_ADN.
    private byte[] ReadCompanion(PhonebookLayout layout, RecordFileInfo file, int number)
    {
        Select(file.Name, file.Fid);
        var record = ReadRecordOfSelected(file, number);
        Select(layout.Adn.Name, layout.Adn.Fid);
        return record;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private void SelectPhonebookDf(PhonebookLayout layout)
    {
        if (Kind == SimKind.Usim && layout.Location.Contains("5F3A", StringComparison.Ordinal))
            SelectByPath("DF_PHONEBOOK", [0x7F, 0x10, 0x5F, 0x3A]);
        else
            SelectDf("DF_TELECOM", 0x3F00, 0x7F10);
    }

    private void SelectUsimApplication()
    {
        // TS 102 221 §8.5.1: the USIM AID is announced in EF_DIR; a truncated AID selects it.
        Exchange(0x00, 0xA4, 0x04, 0x04, UsimAidPrefix, -1).ThrowUnlessSuccess("SELECT ADF USIM", SwContext);
        (_currentDf, _currentEf) = (0x7FFF, null);
    }

    private byte[] ReadRecordOfSelected(RecordFileInfo file, int number) =>
        Send(Cla, 0xB2, (byte)number, 0x04, [], file.RecordLength, $"READ RECORD {number} of {file.Name}");

    private RecordFileInfo? TryRecordFile(string name, ushort fid)
    {
        try
        {
            return RecordFile(name, fid);
        }
        catch (CardStatusException e) when (e.StatusWord.Value is 0x9404 or 0x6A82)
        {
            return null;
        }
    }

    private RecordFileInfo RecordFile(string name, ushort fid)
    {
        var response = Select(name, fid);
        if (Kind == SimKind.Gsm)
        {
            // GSM 11.11 §9.2.1: bytes 3-4 file size, 14 structure, 15 record length.
            if (response.Length < 15)
                throw new CardKitFormatException($"{name}: the select response has {response.Length} bytes, 15 expected", response.Length);
            var size = (response[2] << 8) | response[3];
            var recordLength = response[14];
            if (response[13] is not (0x01 or 0x03) || recordLength == 0)
                throw new CardKitFormatException($"{name} is not a record file (structure {response[13]:X2})", 13);
            return new RecordFileInfo(name, fid, recordLength, size / recordLength);
        }
        // TS 102 221 §11.1.1.4.3: 82 descriptor: type, coding, record length (2 bytes), number of records.
        var fcp = BerTlv.Find(response, 0x62) ?? response;
        var descriptor = BerTlv.Find(fcp, 0x82) ?? throw new CardKitFormatException($"{name}: FCP without file descriptor (82)", 0);
        if (descriptor.Length < 5)
            throw new CardKitFormatException($"{name} is not a record file (descriptor {Hex.Format(descriptor.Span)})", 0);
        var d = descriptor.Span;
        return new RecordFileInfo(name, fid, (d[2] << 8) | d[3], d[4]);
    }

    // What is selected, so that no SELECT is sent twice in a row (the dump's APDU budget).
    private ushort? _currentDf = 0x3F00;
    private ushort? _currentEf;

    private static bool IsDf(ushort fid) => fid == 0x3F00 || (fid >> 8) is 0x7F or 0x5F;

    private byte[] SelectPath(string name, params ushort[] path)
    {
        // GSM 11.11 §6.5 / TS 102 221 §8.4.1: a DF under the MF can be selected from the MF or a sibling DF.
        var start = path.Length > 1 && path[0] == 0x3F00 && (path[1] >> 8) == 0x7F && _currentEf is null
            && (_currentDf == 0x3F00 || (_currentDf >> 8) == 0x7F) ? 1 : 0;
        byte[] last = [];
        for (var i = start; i < path.Length; i++)
            last = Select(name, path[i]);
        return last;
    }

    /// <summary>Selects a DF unless it is already the current one with no EF selected.</summary>
    private void SelectDf(string name, params ushort[] path)
    {
        if (_currentEf is null && _currentDf == path[^1])
            return;
        SelectPath(name, path);
    }

    private byte[] SelectByPath(string name, byte[] pathFromMf)
    {
        var response = Send(0x00, 0xA4, 0x08, 0x04, pathFromMf, -1, $"SELECT {name}");
        (_currentDf, _currentEf) = (BinaryPrimitives.ReadUInt16BigEndian(pathFromMf.AsSpan(pathFromMf.Length - 2)), null);
        return response;
    }

    private byte[] Select(string name, ushort fid)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, fid);
        (_currentDf, _currentEf) = (null, null);
        var response = Kind == SimKind.Gsm
            ? Send(0xA0, 0xA4, 0x00, 0x00, data, -1, $"SELECT {name} {fid:X4}")
            : Send(0x00, 0xA4, 0x00, 0x04, data, -1, $"SELECT {name} {fid:X4}");
        if (IsDf(fid))
            _currentDf = fid;
        else
            _currentEf = fid;
        return response;
    }

    private byte[] Send(byte cla, byte ins, byte p1, byte p2, byte[] data, int le, string what)
    {
        var response = Exchange(cla, ins, p1, p2, data, le);
        response.ThrowUnlessSuccess(what, SwContext);
        return response.Data.ToArray();
    }

    private ResponseApdu Exchange(byte cla, byte ins, byte p1, byte p2, byte[] data, int le)
    {
        // T=0 TPDU: P3 is Lc for data, Le otherwise; -1 means no P3 (case 1).
        byte[] apdu = data.Length > 0 ? [cla, ins, p1, p2, (byte)data.Length, .. data]
            : le >= 0 ? [cla, ins, p1, p2, (byte)le]
            : [cla, ins, p1, p2];
        return _session.Transmit(apdu);
    }

    private sealed class ApduCounter : IApduObserver
    {
        public int Count { get; private set; }

        public void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed) => Count++;

        public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed) => Count++;

        public void OnReset(string readerName, ReadOnlySpan<byte> atr)
        {
        }
    }

    internal static bool IsAccessDenied(StatusWord sw) => sw.Value is 0x9804 or 0x6982;
}

internal static class ResponseChecks
{
    /// <summary>Throws a <see cref="CardStatusException"/> naming the operation unless the status word is 90 00 (or GSM 91xx).</summary>
    public static void ThrowUnlessSuccess(this ResponseApdu response, string what, StatusWordContext context)
    {
        var sw = response.StatusWord;
        if (sw.Classify(context) == StatusWordOutcome.Normal)
            return;
        var advice = sw.Value switch
        {
            0x9804 or 0x6982 => " CHV1 (the PIN) must be verified first: give --pin or --pin-env.",
            0x9840 or 0x6983 => " CHV1 is blocked: unblock it with the PUK.",
            0x9404 or 0x6A82 => " The card does not have this file.",
            _ => "",
        };
        throw new CardStatusException($"{what}: {sw} {sw.Describe(context)}.{advice}", sw);
    }
}
