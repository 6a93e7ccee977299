using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// The PIN verification data structure in its two wire layouts: the CCID one carried in PC_to_RDR_Secure
/// after bPINOperation 00 (CCID Rev 1.1 §6.1.11, 14 bytes then the APDU), and PC/SC Part 10's
/// PIN_VERIFY_STRUCTURE that SCardControl(FEATURE_VERIFY_PIN_DIRECT) carries (PC/SC Part 10 v2.02,
/// 19 bytes: bTimerOut2 added after bTimerOut, ulDataLength before the APDU). Multi-byte fields are
/// little endian in both.
/// </summary>
/// <remarks>Parsing copies what it keeps; the decoded object does not refer to the caller's buffer.</remarks>
public sealed class PinVerifyStructure
{
    /// <summary>Bytes before the APDU in the CCID layout.</summary>
    public const int CcidHeaderLength = 14;

    /// <summary>Bytes before the APDU (abData) in PC/SC Part 10's PIN_VERIFY_STRUCTURE.</summary>
    public const int Part10HeaderLength = 19;

    private const string CcidName = "CCID PIN verification structure";
    private const string Part10Name = "PIN_VERIFY_STRUCTURE";

    private static readonly (int, string)[] CcidFields =
    [
        (0, "bTimeOut"), (1, "bmFormatString"), (2, "bmPINBlockString"), (3, "bmPINLengthFormat"),
        (4, "wPINMaxExtraDigit"), (6, "bEntryValidationCondition"), (7, "bNumberMessage"), (8, "wLangId"),
        (10, "bMsgIndex"), (11, "bTeoPrologue"),
    ];

    private static readonly (int, string)[] Part10Fields =
    [
        (0, "bTimerOut"), (1, "bTimerOut2"), (2, "bmFormatString"), (3, "bmPINBlockString"), (4, "bmPINLengthFormat"),
        (5, "wPINMaxExtraDigit"), (7, "bEntryValidationCondition"), (8, "bNumberMessage"), (9, "wLangId"),
        (11, "bMsgIndex"), (12, "bTeoPrologue"), (15, "ulDataLength"),
    ];

    private readonly byte[] _teoPrologue = new byte[3];
    private readonly byte[] _apdu = [];

    /// <summary>bTimeOut (bTimerOut in Part 10): seconds the pad waits for the PIN; 0 means the reader's default.</summary>
    public byte TimeOut { get; init; }

    /// <summary>Part 10's bTimerOut2: seconds after the first key; null when decoded from the CCID layout, which lacks it.</summary>
    public byte? TimeOut2 { get; init; }

    /// <summary>bmFormatString, bmPINBlockString, bmPINLengthFormat.</summary>
    public PinBlockFormat Format { get; init; }

    /// <summary>The high byte (XX) of wPINMaxExtraDigit 0xXXYY: the minimum PIN size in digits.</summary>
    public byte MinPinLength { get; init; }

    /// <summary>The low byte (YY) of wPINMaxExtraDigit 0xXXYY: the maximum PIN size in digits.</summary>
    public byte MaxPinLength { get; init; }

    /// <summary>bEntryValidationCondition: what ends the entry.</summary>
    public PinEntryConditions EntryConditions { get; init; }

    /// <summary>bNumberMessage: how many messages the pad shows (0 none, 1, FFh the reader's default).</summary>
    public byte NumberMessage { get; init; }

    /// <summary>wLangId: the USB language id of the messages (0x0409 is English, United States).</summary>
    public ushort LangId { get; init; }

    /// <summary>bMsgIndex: which of the reader's messages to show.</summary>
    public byte MessageIndex { get; init; }

    /// <summary>bTeoPrologue: the NAD, PCB and LEN of the T=1 I-block (zeros for T=0); always 3 bytes.</summary>
    /// <exception cref="ArgumentException">Set to something other than 3 bytes.</exception>
    public ReadOnlyMemory<byte> TeoPrologue
    {
        get => _teoPrologue;
        init => _teoPrologue = value.Length == 3
            ? value.ToArray()
            : throw new ArgumentException("bTeoPrologue is 3 bytes.", nameof(value));
    }

    /// <summary>The APDU the pad completes with the PIN and sends to the card (abPINApdu / abData).</summary>
    public ReadOnlyMemory<byte> ApduTemplate
    {
        get => _apdu;
        init => _apdu = value.ToArray();
    }

    /// <summary>Bytes <see cref="EncodeCcid(Span{byte})"/> writes.</summary>
    public int CcidLength => CcidHeaderLength + _apdu.Length;

    /// <summary>Bytes <see cref="EncodePart10(Span{byte})"/> writes.</summary>
    public int Part10Length => Part10HeaderLength + _apdu.Length;

    /// <summary>Decodes the CCID layout (the bytes after bPINOperation).</summary>
    /// <exception cref="CardKitFormatException">The header is truncated or the template is shorter than 4 bytes; the offset says where.</exception>
    public static PinVerifyStructure ParseCcid(ReadOnlySpan<byte> source) =>
        TryParseCcid(source, 0, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes the CCID layout without throwing.</summary>
    public static bool TryParseCcid(ReadOnlySpan<byte> source, out PinVerifyStructure? result) =>
        TryParseCcid(source, 0, out result, out _);

    /// <summary>Decodes PC/SC Part 10's PIN_VERIFY_STRUCTURE (what SCardControl(FEATURE_VERIFY_PIN_DIRECT) sends).</summary>
    /// <exception cref="CardKitFormatException">Truncated, a template shorter than 4 bytes, or ulDataLength not the length of what follows.</exception>
    public static PinVerifyStructure ParsePart10(ReadOnlySpan<byte> source) =>
        TryParsePart10(source, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes PC/SC Part 10's PIN_VERIFY_STRUCTURE without throwing.</summary>
    public static bool TryParsePart10(ReadOnlySpan<byte> source, out PinVerifyStructure? result) =>
        TryParsePart10(source, out result, out _);

    internal static bool TryParseCcid(ReadOnlySpan<byte> source, int baseOffset, out PinVerifyStructure? result,
        out CardKitFormatException? error)
    {
        result = null;
        error = null;
        if (source.Length < CcidHeaderLength)
        {
            var (message, offset) = StructureFields.Truncated(CcidName, CcidFields, source.Length, CcidHeaderLength);
            error = new CardKitFormatException(message, baseOffset + offset);
            return false;
        }
        var template = source[CcidHeaderLength..];
        if (StructureFields.ShortTemplate(CcidName, CcidHeaderLength, template.Length) is { } bad)
        {
            error = new CardKitFormatException(bad.Error, baseOffset + bad.Offset);
            return false;
        }
        // CCID Rev 1.1 §6.1.11, PIN verification data structure: offsets 0..13, then abPINApdu.
        result = new PinVerifyStructure
        {
            TimeOut = source[0],
            Format = new PinBlockFormat(source[1], source[2], source[3]),
            MaxPinLength = source[4],
            MinPinLength = source[5],
            EntryConditions = (PinEntryConditions)source[6],
            NumberMessage = source[7],
            LangId = BinaryPrimitives.ReadUInt16LittleEndian(source[8..]),
            MessageIndex = source[10],
            TeoPrologue = source.Slice(11, 3).ToArray(),
            ApduTemplate = template.ToArray(),
        };
        return true;
    }

    private static bool TryParsePart10(ReadOnlySpan<byte> source, out PinVerifyStructure? result,
        out CardKitFormatException? error)
    {
        result = null;
        error = null;
        if (source.Length < Part10HeaderLength)
        {
            var (message, offset) = StructureFields.Truncated(Part10Name, Part10Fields, source.Length, Part10HeaderLength);
            error = new CardKitFormatException(message, offset);
            return false;
        }
        var template = source[Part10HeaderLength..];
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(source[15..]);
        if (dataLength != template.Length)
        {
            error = new CardKitFormatException(
                $"{Part10Name}: ulDataLength says {dataLength} bytes of APDU, {template.Length} follow", 15);
            return false;
        }
        if (StructureFields.ShortTemplate(Part10Name, Part10HeaderLength, template.Length) is { } bad)
        {
            error = new CardKitFormatException(bad.Error, bad.Offset);
            return false;
        }
        // PC/SC Part 10, PIN_VERIFY_STRUCTURE: the CCID fields with bTimerOut2 at 1 and ulDataLength at 15.
        result = new PinVerifyStructure
        {
            TimeOut = source[0],
            TimeOut2 = source[1],
            Format = new PinBlockFormat(source[2], source[3], source[4]),
            MaxPinLength = source[5],
            MinPinLength = source[6],
            EntryConditions = (PinEntryConditions)source[7],
            NumberMessage = source[8],
            LangId = BinaryPrimitives.ReadUInt16LittleEndian(source[9..]),
            MessageIndex = source[11],
            TeoPrologue = source.Slice(12, 3).ToArray(),
            ApduTemplate = template.ToArray(),
        };
        return true;
    }

    /// <summary>Writes the CCID layout; returns <see cref="CcidLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="CcidLength"/>.</exception>
    public int EncodeCcid(Span<byte> destination)
    {
        if (destination.Length < CcidLength)
            throw new ArgumentException($"Destination needs {CcidLength} bytes.", nameof(destination));
        destination[0] = TimeOut;
        WriteCommon(destination[1..]);
        _apdu.CopyTo(destination[CcidHeaderLength..]);
        return CcidLength;
    }

    /// <summary>The CCID layout as a new array.</summary>
    public byte[] EncodeCcid()
    {
        var bytes = new byte[CcidLength];
        EncodeCcid(bytes);
        return bytes;
    }

    /// <summary>Writes PC/SC Part 10's PIN_VERIFY_STRUCTURE (bTimerOut2 0 when <see cref="TimeOut2"/> is null); returns <see cref="Part10Length"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Part10Length"/>.</exception>
    public int EncodePart10(Span<byte> destination)
    {
        if (destination.Length < Part10Length)
            throw new ArgumentException($"Destination needs {Part10Length} bytes.", nameof(destination));
        destination[0] = TimeOut;
        destination[1] = TimeOut2 ?? 0;
        WriteCommon(destination[2..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[15..], (uint)_apdu.Length);
        _apdu.CopyTo(destination[Part10HeaderLength..]);
        return Part10Length;
    }

    /// <summary>PC/SC Part 10's PIN_VERIFY_STRUCTURE as a new array.</summary>
    public byte[] EncodePart10()
    {
        var bytes = new byte[Part10Length];
        EncodePart10(bytes);
        return bytes;
    }

    // bmFormatString .. bTeoPrologue: the 13 bytes both layouts share, in the same order.
    private void WriteCommon(Span<byte> destination)
    {
        destination[0] = Format.FormatString;
        destination[1] = Format.PinBlockString;
        destination[2] = Format.PinLengthFormat;
        destination[3] = MaxPinLength;
        destination[4] = MinPinLength;
        destination[5] = (byte)EntryConditions;
        destination[6] = NumberMessage;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[7..], LangId);
        destination[9] = MessageIndex;
        _teoPrologue.CopyTo(destination[10..]);
    }
}
