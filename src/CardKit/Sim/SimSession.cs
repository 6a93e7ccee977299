using CardKit.Iso7816;
using CardKit.Tlv;

namespace CardKit.Sim;

/// <summary>
/// SIM and USIM access over any <see cref="ICardChannel"/>: card kind, ICCID, IMSI, CHV1 state,
/// PIN verification that never blocks a PIN, and the phone book (GSM 11.11 DF_TELECOM/EF_ADN,
/// or the USIM phone book found through EF_PBR). Card errors become <see cref="CardStatusException"/>
/// (<see cref="Chv1RequiredException"/> when the PIN is needed) with a message a person can act on.
/// </summary>
public sealed class SimSession
{
    private readonly ICardChannel _channel;
    private readonly SimTransport _transport;
    private readonly SimFileSelector _files;
    private readonly PhonebookReader _reader;
    private readonly Chv1 _chv1;
    private readonly ApduCounter _counter;
    private List<PhonebookLayout>? _layouts;

    private SimSession(ICardChannel channel, CardSession session, ApduCounter counter, SimKind kind)
    {
        _channel = channel;
        _counter = counter;
        _transport = new SimTransport(session, kind);
        _files = new SimFileSelector(_transport);
        _reader = new PhonebookReader(_files);
        _chv1 = new Chv1(_transport, _files);
    }

    /// <summary>GSM SIM or UICC with a USIM.</summary>
    public SimKind Kind => _transport.Kind;

    /// <summary>The class byte and status-word context of this card's commands (for the PIN operations).</summary>
    internal SimTransport Transport => _transport;

    /// <summary>APDUs sent so far, GET RESPONSEs included (the APDU-count bar of the phone book dump).</summary>
    public int ApduCount => _counter.Count;

    /// <summary>Finds out whether the card is a GSM SIM (class A0) or a UICC (class 00).</summary>
    /// <exception cref="CardStatusException">Neither class is answered, or the UICC has no USIM.</exception>
    public static SimSession Open(ICardChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var counter = new ApduCounter();
        var counted = new TracingChannel(channel, counter, ownsInner: false);
        var session = new CardSession(counted);
        // GSM 11.11 §9.2.1: SELECT MF with class A0 answers 9Fxx; a UICC without GSM access says 6E00.
        var gsm = new CardSession(counted, raw: true).Transmit(Hex.Parse("A0 A4 00 00 02 3F 00"));
        if (gsm.Sw1 == 0x9F)
            return new SimSession(channel, session, counter, SimKind.Gsm);
        var uicc = session.Transmit(Hex.Parse("00 A4 00 04 02 3F 00"));
        if (uicc.StatusWord.IsSuccess)
        {
            var sim = new SimSession(channel, session, counter, SimKind.Usim);
            if (!sim.HasUsimApplication())
                throw new CardStatusException("this UICC/ISO 7816 card has no USIM application in EF_DIR (2F00), so it is not a SIM", uicc.StatusWord);
            return sim;
        }
        throw new CardStatusException(
            $"this card is neither a GSM SIM (SELECT MF class A0 gave {gsm.StatusWord}) nor a UICC (class 00 gave {uicc.StatusWord}: {uicc.StatusWord.Describe()})",
            uicc.StatusWord);
    }

    /// <summary>
    /// <see cref="Open(ICardChannel)"/>, then <see cref="VerifyChv1"/> when <paramref name="pin"/> is
    /// given: what a host does before showing the phone book.
    /// </summary>
    /// <exception cref="CardKitException">A PIN that is not 4 to 8 digits (category <see cref="ErrorCategory.Usage"/>).</exception>
    /// <exception cref="PinRefusedException">Not tried: one attempt or none left (see <paramref name="allowLastAttempt"/>).</exception>
    /// <exception cref="WrongPinException">The card rejected the PIN.</exception>
    public static SimSession Open(ICardChannel channel, string? pin, bool allowLastAttempt = false)
    {
        var sim = Open(channel);
        if (pin is not null)
            sim.VerifyChv1(pin, allowLastAttempt);
        return sim;
    }

    // TS 102 221 §13.1: EF_DIR records are application templates 61 with the AID in 4F.
    private bool HasUsimApplication()
    {
        try
        {
            var dir = _files.DescribeRecordFile("EF_DIR", 0x2F00);
            for (var i = 1; i <= dir.RecordCount; i++)
            {
                var record = _files.ReadRecord(dir, i);
                if (record[0] == 0x61 && BerTlv.Find(BerTlv.Find(record, 0x61) ?? default, 0x4F) is { } aid
                    && aid.Span.StartsWith(SimFileSelector.UsimAidPrefix))
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
        _files.SelectPath("MF/EF_ICCID", 0x3F00, 0x2FE2);
        var data = _transport.Send(_transport.Cla, 0xB0, 0, 0, [], 10, "READ BINARY EF_ICCID");
        return BcdNumber.Decode(data);
    }

    /// <summary>IMSI (GSM 11.11 §10.3.2 / TS 31.102 §4.2.2) or null when CHV1 has not been verified.</summary>
    public string? TryReadImsi()
    {
        try
        {
            if (Kind == SimKind.Gsm)
                _files.SelectPath("DF_GSM/EF_IMSI", 0x3F00, 0x7F20, 0x6F07);
            else
            {
                _files.SelectUsimApplication();
                _files.Select("EF_IMSI", 0x6F07);
            }
            var data = _transport.Send(_transport.Cla, 0xB0, 0, 0, [], 9, "READ BINARY EF_IMSI");
            if (data.Length < 2 || data[0] is 0 or 0xFF)
                return null;
            // Byte 1 = length; byte 2 low nibble = parity, high nibble = first digit.
            var digits = BcdNumber.Decode(data.AsSpan(1, Math.Min(data[0], data.Length - 1)));
            return digits.Length > 1 ? digits[1..] : null;
        }
        catch (Chv1RequiredException)
        {
            return null;
        }
    }

    /// <summary>CHV1 state without spending a try: GSM from the DF response (GSM 11.11 §9.2.1 bytes 14 and 19), UICC by VERIFY without data (TS 102 221 §11.1.9).</summary>
    public ChvStatus ReadChv1Status() => _chv1.ReadStatus();

    /// <summary>
    /// Verifies CHV1 once; never retries. Does nothing when CHV1 is disabled or already verified.
    /// Refuses, without sending the PIN, when one try or fewer is left (or the card does not say)
    /// unless <paramref name="allowLastAttempt"/>, and always when CHV1 is blocked.
    /// </summary>
    /// <exception cref="CardKitException">A PIN that is not 4 to 8 digits (category <see cref="ErrorCategory.Usage"/>).</exception>
    /// <exception cref="PinRefusedException">The PIN was not tried.</exception>
    /// <exception cref="WrongPinException">The card rejected the PIN.</exception>
    public void VerifyChv1(string pin, bool allowLastAttempt = false)
    {
        ArgumentNullException.ThrowIfNull(pin);
        _chv1.Verify(pin, allowLastAttempt);
    }

    /// <summary>
    /// Everything <c>sim info</c> shows: kind, ATR, ICCID, IMSI (when CHV1 allows), CHV1 state and
    /// the phone book files.
    /// </summary>
    public SimInfo ReadInfo()
    {
        var iccid = ReadIccid();
        var chv = ReadChv1Status();
        var imsi = TryReadImsi();
        var layouts = FindPhonebooks();
        return new SimInfo(Kind, Hex.Format(_channel.Atr.Span), iccid, imsi, chv,
            new SimPhonebookInfo(string.Join("; ", layouts.Select(l => l.Location)), PhonebookFiles()));
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
            _files.SelectDirectory(PhonebookDirectory.Telecom);
            // EXT1 first: EF_ADN stays selected for the dump.
            var ext1 = _files.TryDescribeRecordFile("EF_EXT1", 0x6F4A);
            var adn = _files.DescribeRecordFile("EF_ADN", 0x6F3A);
            return _layouts = [new PhonebookLayout(PhonebookDirectory.Telecom, adn, ext1, null, null, "DF_TELECOM 7F10")];
        }
        try
        {
            _files.SelectDirectory(PhonebookDirectory.Phonebook);
            var pbr = _files.DescribeRecordFile("EF_PBR", 0x4F30);
            var records = Enumerable.Range(1, pbr.RecordCount).Select(r => _files.ReadRecord(pbr, r)).ToList();
            return _layouts = [.. EfPbrRecord.DecodeSets(records).Select(Describe)];
        }
        catch (CardStatusException e) when (e.StatusWord.Value == 0x6A82)
        {
            _files.SelectPath("DF_TELECOM", 0x3F00, 0x7F10);
            var adn = _files.DescribeRecordFile("EF_ADN", 0x6F3A);
            var ext1 = _files.TryDescribeRecordFile("EF_EXT1", 0x6F4A);
            return _layouts = [new PhonebookLayout(PhonebookDirectory.Telecom, adn, ext1, null, null, "DF_TELECOM 7F10 (no EF_PBR)")];
        }
    }

    // The card's description of each file one EF_PBR record names; EF_ADN must exist, the others may not.
    private PhonebookLayout Describe(EfPbrRecord set)
    {
        var described = new Dictionary<PhonebookFileTag, RecordFileInfo>();
        foreach (var file in set.LayoutFiles())
        {
            var name = set.FileName(file.Tag);
            var info = file.Tag == PhonebookFileTag.Adn ? _files.DescribeRecordFile(name, file.Fid) : _files.TryDescribeRecordFile(name, file.Fid);
            if (info is not null)
                described[file.Tag] = info;
        }
        return set.ToLayout(described);
    }

    /// <summary>Every phone book file of every set, once each (sets may share type 3 files such as EF_EXT1).</summary>
    public IReadOnlyList<RecordFileInfo> PhonebookFiles() => FindPhonebooks().SelectMany(l => l.Files).DistinctBy(f => f.Fid).ToList();

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
        var iap = layout.Iap is { } iapFile && (layout.EmailIapPosition ?? layout.AnrIapPosition) is not null ? ReadAllRecords(iapFile) : null;
        foreach (var entry in _reader.ReadSet(layout, iap, progress, includeEmpty))
            yield return entry;
    }

    /// <summary>The raw records of a phone book file, for backups.</summary>
    public List<byte[]> ReadAllRecords(RecordFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _files.SelectDirectory(FindPhonebook().Directory);
        _files.Select(file.Name, file.Fid);
        return Enumerable.Range(1, file.RecordCount).Select(i => _files.ReadRecord(file, i)).ToList();
    }

    /// <summary>UPDATE RECORD (absolute) then READ RECORD and compare.</summary>
    /// <exception cref="CardStatusException">The card refused or read back something else.</exception>
    public void WriteRecord(RecordFileInfo file, int recordNumber, byte[] record)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Length != file.RecordLength)
            throw new ArgumentException($"{file.Name} records are {file.RecordLength} bytes, got {record.Length}", nameof(record));
        _files.SelectDirectory(FindPhonebook().Directory);
        _files.Select(file.Name, file.Fid);
        _transport.Send(_transport.Cla, 0xDC, (byte)recordNumber, 0x04, record, -1, $"UPDATE RECORD {recordNumber} of {file.Name}");
        var back = _files.ReadRecord(file, recordNumber);
        if (!back.AsSpan().SequenceEqual(record))
            throw new CardStatusException($"{file.Name} record {recordNumber} reads back as {Hex.Format(back)}, not what was written", StatusWord.Success);
        if (_layouts?.Any(l => l.Ext1 == file) == true)
            _reader.Remember(file, recordNumber, back);
    }

    /// <summary>Writes one planned record (see <see cref="PhonebookWritePlanner"/>) and reads it back.</summary>
    /// <exception cref="CardStatusException">The card refused or read back something else.</exception>
    public void Write(PlannedWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteRecord(write.File, write.Record, write.Bytes.ToArray());
    }

    /// <summary>The command APDU <see cref="WriteRecord"/> sends (UPDATE RECORD, absolute mode), as a dry run shows it.</summary>
    public byte[] UpdateRecordApdu(int recordNumber, byte[] record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SimTransport.Tpdu(_transport.Cla, 0xDC, (byte)recordNumber, 0x04, record, -1);
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
}
