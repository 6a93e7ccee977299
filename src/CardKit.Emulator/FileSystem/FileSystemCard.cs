using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CardKit.Emulator.FileSystem;

/// <summary>
/// A T=0 card with a file system and PINs: the command set GSM SIMs, UICCs and ISO/IEC 7816-4
/// cards share (SELECT, READ/UPDATE BINARY, READ/UPDATE RECORD, GET RESPONSE, VERIFY, CHANGE,
/// DISABLE/ENABLE, UNBLOCK, STATUS, GET CHALLENGE). Subclasses pick the class byte, the status
/// words and the select response format. Malformed commands get a status word, never an exception.
/// </summary>
public abstract class FileSystemCard : VirtualCard
{
    private readonly byte[] _atr;
    private byte[] _pending = [];

    /// <summary>A card answering with <paramref name="atr"/>, whose file system is rooted at <paramref name="mf"/> and guarded by <paramref name="pin1"/> and <paramref name="pin2"/>.</summary>
    protected FileSystemCard(byte[] atr, DedicatedFile mf, Pin pin1, Pin pin2)
    {
        _atr = atr;
        Mf = mf;
        Pin1 = pin1;
        Pin2 = pin2;
        CurrentDf = mf;
    }

    /// <inheritdoc />
    public override ReadOnlyMemory<byte> Atr => _atr;

    /// <summary>The master file (3F00), root of the file system.</summary>
    public DedicatedFile Mf { get; }

    /// <summary>PIN1 (CHV1 on a SIM, key reference 01 on a UICC).</summary>
    public Pin Pin1 { get; }

    /// <summary>PIN2 (CHV2 on a SIM, key reference 81 on a UICC).</summary>
    public Pin Pin2 { get; }

    /// <summary>The current DF after the last SELECT; the MF after reset.</summary>
    protected DedicatedFile CurrentDf { get; set; }

    /// <summary>The current EF after the last SELECT; null when a DF was selected last or after reset.</summary>
    protected ElementaryFile? CurrentEf { get; set; }

    /// <summary>The status words this card's spec uses for each error.</summary>
    protected abstract CardStatusWords Sw { get; }

    /// <summary>Whether the card answers this class byte.</summary>
    protected abstract bool AcceptsClass(byte cla);

    /// <summary>Status word for a wrong PIN with <paramref name="remaining"/> tries left (GSM 9804, ISO 63Cx).</summary>
    protected abstract ushort WrongPin(int remaining);

    /// <summary>Status word announcing <paramref name="length"/> response bytes for GET RESPONSE (GSM 9Fxx, ISO 61xx).</summary>
    protected abstract ushort ResponseAvailable(int length);

    /// <summary>Status word for a P3 that does not fit (GSM 6700, ISO 6Cxx with the right length).</summary>
    protected abstract ushort WrongLe(int correct);

    /// <summary>The SELECT and STATUS response for the MF or a DF (GSM 11.11 §9.2.1, or its TS 102 221 §11.1.1.3 FCP).</summary>
    protected abstract byte[] SelectResponse(DedicatedFile df);

    /// <summary>The SELECT response for an EF (GSM 11.11 §9.2.1, or its TS 102 221 §11.1.1.3 FCP).</summary>
    protected abstract byte[] SelectResponse(ElementaryFile ef);

    /// <summary>Resolves a SELECT; null when the file is not found.</summary>
    protected abstract CardFile? Resolve(byte p1, ReadOnlySpan<byte> data);

    /// <summary>Whether SELECT with this P2 asks for the response (ISO P2 = 0C: no data).</summary>
    protected virtual bool SelectReturnsData(byte p2) => true;

    /// <summary>Key reference in VERIFY/CHANGE/DISABLE/ENABLE/UNBLOCK P2 to a PIN.</summary>
    protected virtual Pin? PinFor(byte keyReference, bool unblock) => keyReference switch
    {
        0x01 => Pin1,
        0x00 when unblock => Pin1,
        0x02 or 0x81 => Pin2,
        _ => null,
    };

    /// <inheritdoc />
    public override void Reset()
    {
        CurrentDf = Mf;
        CurrentEf = null;
        _pending = [];
        Pin1.ResetSecurityState();
        Pin2.ResetSecurityState();
    }

    /// <inheritdoc />
    public override int Process(ReadOnlySpan<byte> command, Span<byte> response)
    {
        if (command.Length < 4)
            return Status(response, 0x6700);
        var cla = command[0];
        var ins = command[1];
        if (!AcceptsClass(cla))
            return Status(response, 0x6E00);
        var p1 = command[2];
        var p2 = command[3];
        // T=0 TPDU: P3 is Le for outgoing commands, Lc for incoming ones (ISO/IEC 7816-3:2006 §10.3.2).
        var p3 = command.Length > 4 ? command[4] : -1;
        var body = command.Length > 5 ? command[5..] : [];
        if (ins is not (0xB0 or 0xB2 or 0xC0 or 0xF2 or 0x84) && p3 > 0)
        {
            if (body.Length < p3)
                return Status(response, 0x6700);
            body = body[..p3]; // a trailing Le (case 4 sent as is) is ignored: data comes by GET RESPONSE
        }
        if (ins != 0xC0)
            _pending = [];
        return ins switch
        {
            0xA4 => Select(p1, p2, body, response),
            0xC0 => GetResponse(p3, response),
            0xB0 => ReadBinary(p1, p2, p3, response),
            0xD6 => UpdateBinary(p1, p2, body, response),
            0xB2 => ReadRecord(p1, p2, p3, response),
            0xDC => UpdateRecord(p1, p2, body, response),
            0x20 => Verify(p2, body, response),
            0x24 => ChangePin(p2, body, response),
            0x26 => SetPinEnabled(p2, body, enable: false, response),
            0x28 => SetPinEnabled(p2, body, enable: true, response),
            0x2C => Unblock(p2, body, response),
            0xF2 => StatusCommand(p3, response),
            0x84 => GetChallenge(p3, response),
            _ => Status(response, 0x6D00),
        };
    }

    /// <summary>Writes the status word <paramref name="sw"/> alone into <paramref name="response"/>; returns 2.</summary>
    protected static int Status(Span<byte> response, ushort sw)
    {
        BinaryPrimitives.WriteUInt16BigEndian(response, sw);
        return 2;
    }

    /// <summary>Writes <paramref name="data"/> then <paramref name="sw"/> into <paramref name="response"/>; returns the bytes written.</summary>
    protected static int Data(Span<byte> response, ReadOnlySpan<byte> data, ushort sw = 0x9000)
    {
        data.CopyTo(response);
        BinaryPrimitives.WriteUInt16BigEndian(response[data.Length..], sw);
        return data.Length + 2;
    }

    /// <summary>Leaves <paramref name="data"/> for GET RESPONSE and announces it.</summary>
    protected int Pending(Span<byte> response, byte[] data)
    {
        _pending = data;
        return Status(response, ResponseAvailable(data.Length));
    }

    private int Select(byte p1, byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        var file = Resolve(p1, data);
        if (file is null)
            return Status(response, Sw.FileNotFound);
        if (file is DedicatedFile df)
        {
            CurrentDf = df;
            CurrentEf = null;
        }
        else
        {
            CurrentEf = (ElementaryFile)file;
            CurrentDf = file.Parent ?? Mf;
        }
        if (!SelectReturnsData(p2))
            return Status(response, 0x9000);
        return Pending(response, CurrentEf is { } ef ? SelectResponse(ef) : SelectResponse(CurrentDf));
    }

    /// <summary>Looks <paramref name="fid"/> up the way GSM 11.11 §6.5 and TS 102 221 §8.4.1 allow: MF, current DF, its children, parent, siblings.</summary>
    protected CardFile? FindByFid(ushort fid)
    {
        if (fid == 0x3F00)
            return Mf;
        if (fid == CurrentDf.Fid)
            return CurrentDf;
        return CurrentDf.Child(fid)
            ?? (CurrentDf.Parent is { } parent ? (parent.Fid == fid ? parent : parent.ChildDf(fid)) : null)
            ?? Mf.ChildDf(fid);
    }

    private int GetResponse(int le, Span<byte> response)
    {
        if (_pending.Length == 0)
            return Status(response, Sw.NoPendingData);
        var length = le <= 0 ? 256 : le;
        if (length > _pending.Length)
            return Status(response, WrongLe(_pending.Length));
        var data = _pending;
        _pending = [];
        return Data(response, data.AsSpan(0, length));
    }

    private int ReadBinary(byte p1, byte p2, int le, Span<byte> response)
    {
        // ISO/IEC 7816-4:2020 §11.3.3: P1 b8 = 1 means b5-b1 are a short EF identifier, P2 the
        // offset, and the EF becomes the current one.
        if ((p1 & 0x80) != 0)
        {
            if (SfiChild((byte)(p1 & 0x1F)) is not { } byShortId)
                return Status(response, Sw.FileNotFound);
            CurrentEf = byShortId;
            p1 = 0;
        }
        if (!CheckEf(EfStructure.Transparent, out var ef, out var sw) || !Allowed(ef!.Read, ref sw))
            return Status(response, sw);
        var offset = (p1 << 8) | p2;
        if (offset > ef.Data.Length)
            return Status(response, Sw.OutOfRange);
        var available = ef.Data.Length - offset;
        var length = le <= 0 ? Math.Min(256, available) : le;
        if (length > available)
            return Status(response, WrongLe(available));
        return Data(response, ef.Data.AsSpan(offset, length));
    }

    private ElementaryFile? SfiChild(byte sfi)
    {
        if (sfi == 0)
            return null;
        foreach (var child in CurrentDf.Children)
        {
            if (child is ElementaryFile ef && ef.Sfi == sfi)
                return ef;
        }
        return null;
    }

    private int UpdateBinary(byte p1, byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        if (!CheckEf(EfStructure.Transparent, out var ef, out var sw) || !Allowed(ef!.Update, ref sw))
            return Status(response, sw);
        var offset = (p1 << 8) | p2;
        if ((p1 & 0x80) != 0 || offset + data.Length > ef.Data.Length)
            return Status(response, Sw.OutOfRange);
        data.CopyTo(ef.Data.AsSpan(offset));
        return Status(response, 0x9000);
    }

    private int _recordPointer;

    private int ReadRecord(byte p1, byte p2, int le, Span<byte> response)
    {
        if (!CheckRecordEf(out var ef, out var sw) || !Allowed(ef!.Read, ref sw))
            return Status(response, sw);
        if (!RecordNumber(ef, p1, p2, out var index, out sw))
            return Status(response, sw);
        if (le != ef.RecordLength)
            return Status(response, WrongLe(ef.RecordLength));
        return Data(response, ef.Records[index]);
    }

    private int UpdateRecord(byte p1, byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        if (!CheckRecordEf(out var ef, out var sw) || !Allowed(ef!.Update, ref sw))
            return Status(response, sw);
        if (data.Length != ef.RecordLength)
            return Status(response, 0x6700);
        if (!RecordNumber(ef, p1, p2, out var index, out sw))
            return Status(response, sw);
        data.CopyTo(ef.Records[index]);
        return Status(response, 0x9000);
    }

    // ISO/IEC 7816-4:2020 §11.4.3 / GSM 11.11 §9.2.5: P2 mode 04 absolute, 02 next, 03 previous.
    private bool RecordNumber(ElementaryFile ef, byte p1, byte p2, out int index, out ushort sw)
    {
        index = 0;
        sw = 0x9000;
        var mode = p2 & 0x07;
        switch (mode)
        {
            case 0x04 when p1 >= 1 && p1 <= ef.Records.Count:
                index = p1 - 1;
                break;
            case 0x04 when p1 == 0 && _recordPointer >= 1:
                index = _recordPointer - 1;
                break;
            case 0x04:
                sw = p1 == 0 ? Sw.NoCurrentEf : Sw.RecordNotFound;
                return false;
            case 0x02 when _recordPointer < ef.Records.Count:
                index = _recordPointer;
                break;
            case 0x03 when _recordPointer > 1:
                index = _recordPointer - 2;
                break;
            case 0x02 or 0x03:
                sw = Sw.RecordNotFound;
                return false;
            default:
                sw = Sw.WrongParameters;
                return false;
        }
        _recordPointer = index + 1;
        return true;
    }

    private bool CheckEf(EfStructure structure, out ElementaryFile? ef, out ushort sw)
    {
        ef = CurrentEf;
        sw = 0x9000;
        if (ef is null)
            sw = Sw.NoCurrentEf;
        else if (ef.Structure != structure)
            sw = Sw.WrongStructure;
        return sw == 0x9000;
    }

    private bool CheckRecordEf(out ElementaryFile? ef, out ushort sw)
    {
        ef = CurrentEf;
        sw = 0x9000;
        if (ef is null)
            sw = Sw.NoCurrentEf;
        else if (ef.Structure == EfStructure.Transparent)
            sw = Sw.WrongStructure;
        return sw == 0x9000;
    }

    private bool Allowed(AccessRule rule, ref ushort sw)
    {
        var ok = rule switch
        {
            AccessRule.Always => true,
            AccessRule.Pin1 => Pin1.Satisfied,
            AccessRule.Pin2 => Pin2.Satisfied,
            _ => false,
        };
        if (!ok)
            sw = Sw.SecurityNotSatisfied;
        return ok;
    }

    /// <summary>PIN blocks are 8 bytes of ASCII digits padded with FF (GSM 11.11 §9.2.9, TS 102 221 §9.5.1).</summary>
    private static string PinText(ReadOnlySpan<byte> block)
    {
        var end = block.IndexOf((byte)0xFF);
        return Encoding.ASCII.GetString(end < 0 ? block : block[..end]);
    }

    private int Verify(byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        var pin = PinFor(p2, unblock: false);
        if (pin is null)
            return Status(response, Sw.WrongParameters);
        if (data.IsEmpty)
        {
            // ISO/IEC 7816-4:2020 §11.5.6: VERIFY without data asks for the retry counter.
            if (pin.Blocked)
                return Status(response, Sw.PinBlocked);
            return Status(response, pin.Satisfied ? (ushort)0x9000 : (ushort)(0x63C0 | pin.RemainingTries));
        }
        return Status(response, CheckCurrentPin(pin, data, 8, enabled: true));
    }

    private int ChangePin(byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        var pin = PinFor(p2, unblock: false);
        if (pin is null)
            return Status(response, Sw.WrongParameters);
        var sw = CheckCurrentPin(pin, data, 16, enabled: true);
        if (sw == 0x9000)
            pin.Change(PinText(data[8..]));
        return Status(response, sw);
    }

    private int SetPinEnabled(byte p2, ReadOnlySpan<byte> data, bool enable, Span<byte> response)
    {
        var pin = PinFor(p2, unblock: false);
        if (pin is null)
            return Status(response, Sw.WrongParameters);
        var sw = CheckCurrentPin(pin, data, 8, enabled: !enable);
        if (sw == 0x9000)
            pin.Enabled = enable;
        return Status(response, sw);
    }

    // VERIFY, CHANGE, DISABLE and ENABLE check the current PIN (the first 8 bytes of the data) alike
    // (GSM 11.11 §9.2.9-§9.2.12, TS 102 221 §11.1.9-§11.1.12): the data length, the enabled state the
    // command needs, not blocked, then the PIN itself. 9000 when it is right, else the status word to refuse with.
    private ushort CheckCurrentPin(Pin pin, ReadOnlySpan<byte> data, int length, bool enabled)
    {
        if (data.Length != length)
            return 0x6700;
        if (pin.Enabled != enabled)
            return Sw.Contradiction;
        if (pin.Blocked)
            return Sw.PinBlocked;
        if (!pin.Check(PinText(data[..8])))
            return pin.Blocked ? Sw.PinBlocked : WrongPin(pin.RemainingTries);
        return 0x9000;
    }

    private int Unblock(byte p2, ReadOnlySpan<byte> data, Span<byte> response)
    {
        var pin = PinFor(p2, unblock: true);
        if (pin is null)
            return Status(response, Sw.WrongParameters);
        if (data.Length != 16)
            return Status(response, 0x6700);
        if (pin.RemainingUnblockTries == 0)
            return Status(response, Sw.PinBlocked);
        if (pin.Unblock(PinText(data[..8]), PinText(data[8..])))
            return Status(response, 0x9000);
        return Status(response, pin.RemainingUnblockTries == 0 ? Sw.PinBlocked : WrongPin(pin.RemainingUnblockTries));
    }

    private int StatusCommand(int le, Span<byte> response)
    {
        var data = SelectResponse(CurrentDf);
        if (le <= 0)
            return Pending(response, data);
        var length = le <= 0 ? data.Length : le;
        if (length > data.Length)
            return Status(response, WrongLe(data.Length));
        return Data(response, data.AsSpan(0, length));
    }

    private static int GetChallenge(int le, Span<byte> response)
    {
        var length = le <= 0 ? 8 : le;
        RandomNumberGenerator.Fill(response[..length]);
        BinaryPrimitives.WriteUInt16BigEndian(response[length..], 0x9000);
        return length + 2;
    }
}
