using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// The PIN modification data structure in its two wire layouts: the CCID one carried in PC_to_RDR_Secure
/// after bPINOperation 01 (CCID Rev 1.1 §6.1.11: 17 to 19 bytes then the APDU, as bMsgIndex2 and bMsgIndex3
/// are optional), and PC/SC Part 10's PIN_MODIFY_STRUCTURE that SCardControl(FEATURE_MODIFY_PIN_DIRECT)
/// carries (PC/SC Part 10 v2.02, 24 bytes: bTimerOut2, all three bMsgIndex, ulDataLength). Multi-byte
/// fields are little endian in both.
/// </summary>
/// <remarks>
/// <para>
/// Which bMsgIndex fields a CCID structure carries is not the same in every implementation (pcsc-lite's
/// CCID driver sends bMsgIndex2 when bNumberMessage is not 0 and bMsgIndex3 when it is 3 or more; others
/// send one index per message, or always three). <see cref="ParseCcid"/> therefore tries one, two and
/// three indexes: it keeps the count given by <see cref="CcidMessageIndexCount"/> unless another count
/// leaves a more consistent APDU template (ISO/IEC 7816-3:2006 §12.1.3: an Lc matching the data that follows
/// it, a short Lc before an extended one). Absent indexes are null; encoding writes the present ones,
/// so a decoded structure encodes back to the same bytes.
/// </para>
/// <para>Parsing copies what it keeps; the decoded object does not refer to the caller's buffer.</para>
/// </remarks>
public sealed class PinModifyStructure
{
    /// <summary>Bytes before the APDU in the CCID layout with all three bMsgIndex fields.</summary>
    public const int CcidMaxHeaderLength = 19;

    /// <summary>Bytes before the APDU (abData) in PC/SC Part 10's PIN_MODIFY_STRUCTURE.</summary>
    public const int Part10HeaderLength = 24;

    private const string CcidName = "CCID PIN modification structure";
    private const string Part10Name = "PIN_MODIFY_STRUCTURE";
    private const int CcidFixedLength = 14; // bTimeOut .. bMsgIndex1

    private static readonly (int, string)[] CcidFields =
    [
        (0, "bTimeOut"), (1, "bmFormatString"), (2, "bmPINBlockString"), (3, "bmPINLengthFormat"),
        (4, "bInsertionOffsetOld"), (5, "bInsertionOffsetNew"), (6, "wPINMaxExtraDigit"), (8, "bConfirmPIN"),
        (9, "bEntryValidationCondition"), (10, "bNumberMessage"), (11, "wLangId"), (13, "bMsgIndex1"),
        (14, "bTeoPrologue"),
    ];

    private static readonly (int, string)[] Part10Fields =
    [
        (0, "bTimerOut"), (1, "bTimerOut2"), (2, "bmFormatString"), (3, "bmPINBlockString"), (4, "bmPINLengthFormat"),
        (5, "bInsertionOffsetOld"), (6, "bInsertionOffsetNew"), (7, "wPINMaxExtraDigit"), (9, "bConfirmPIN"),
        (10, "bEntryValidationCondition"), (11, "bNumberMessage"), (12, "wLangId"), (14, "bMsgIndex1"),
        (15, "bMsgIndex2"), (16, "bMsgIndex3"), (17, "bTeoPrologue"), (20, "ulDataLength"),
    ];

    private readonly byte[] _teoPrologue = new byte[3];
    private readonly byte[] _apdu = [];

    /// <summary>bTimeOut (bTimerOut in Part 10): seconds the pad waits for the PIN; 0 means the reader's default.</summary>
    public byte TimeOut { get; init; }

    /// <summary>Part 10's bTimerOut2: seconds after the first key; null when decoded from the CCID layout, which lacks it.</summary>
    public byte? TimeOut2 { get; init; }

    /// <summary>bmFormatString, bmPINBlockString, bmPINLengthFormat.</summary>
    public PinBlockFormat Format { get; init; }

    /// <summary>bInsertionOffsetOld: where the current PIN goes, in bytes from the start of the APDU data field.</summary>
    public byte InsertionOffsetOld { get; init; }

    /// <summary>bInsertionOffsetNew: where the new PIN goes, in bytes from the start of the APDU data field.</summary>
    public byte InsertionOffsetNew { get; init; }

    /// <summary>The high byte (XX) of wPINMaxExtraDigit 0xXXYY: the minimum PIN size in digits.</summary>
    public byte MinPinLength { get; init; }

    /// <summary>The low byte (YY) of wPINMaxExtraDigit 0xXXYY: the maximum PIN size in digits.</summary>
    public byte MaxPinLength { get; init; }

    /// <summary>bConfirmPIN: whether the current PIN is asked and the new one confirmed.</summary>
    public PinConfirmation Confirmation { get; init; }

    /// <summary>bEntryValidationCondition: what ends the entry.</summary>
    public PinEntryConditions EntryConditions { get; init; }

    /// <summary>bNumberMessage: how many messages the pad shows (0 to 3, FFh the reader's default).</summary>
    public byte NumberMessage { get; init; }

    /// <summary>wLangId: the USB language id of the messages (0x0409 is English, United States).</summary>
    public ushort LangId { get; init; }

    /// <summary>bMsgIndex1: the reader message shown first.</summary>
    public byte MessageIndex1 { get; init; }

    /// <summary>bMsgIndex2, or null when a CCID structure leaves it out.</summary>
    public byte? MessageIndex2 { get; init; }

    /// <summary>bMsgIndex3, or null when a CCID structure leaves it out.</summary>
    public byte? MessageIndex3 { get; init; }

    /// <summary>bTeoPrologue: the NAD, PCB and LEN of the T=1 I-block (zeros for T=0); always 3 bytes.</summary>
    /// <exception cref="ArgumentException">Set to something other than 3 bytes.</exception>
    public ReadOnlyMemory<byte> TeoPrologue
    {
        get => _teoPrologue;
        init => _teoPrologue = value.Length == 3
            ? value.ToArray()
            : throw new ArgumentException("bTeoPrologue is 3 bytes.", nameof(value));
    }

    /// <summary>The APDU the pad completes with both PINs and sends to the card (abPINApdu / abData).</summary>
    public ReadOnlyMemory<byte> ApduTemplate
    {
        get => _apdu;
        init => _apdu = value.ToArray();
    }

    /// <summary>How many bMsgIndex fields the CCID layout carries: 1, 2 or 3.</summary>
    public int CcidMessageIndexes => MessageIndex3 is not null ? 3 : MessageIndex2 is not null ? 2 : 1;

    /// <summary>Bytes <see cref="EncodeCcid(Span{byte})"/> writes.</summary>
    public int CcidLength => CcidFixedLength + CcidMessageIndexes - 1 + 3 + _apdu.Length;

    /// <summary>Bytes <see cref="EncodePart10(Span{byte})"/> writes.</summary>
    public int Part10Length => Part10HeaderLength + _apdu.Length;

    /// <summary>
    /// The number of bMsgIndex fields pcsc-lite's CCID driver puts in the CCID structure for a
    /// bNumberMessage: bMsgIndex1 always, bMsgIndex2 unless it is 0, bMsgIndex3 when it is 3 or more.
    /// </summary>
    public static int CcidMessageIndexCount(byte numberMessage) => numberMessage switch
    {
        0 => 1,
        < 3 => 2,
        _ => 3,
    };

    /// <summary>Decodes the CCID layout (the bytes after bPINOperation), resolving the optional bMsgIndex fields.</summary>
    /// <exception cref="CardKitFormatException">The header is truncated or no layout leaves a template of 4 bytes or more.</exception>
    public static PinModifyStructure ParseCcid(ReadOnlySpan<byte> source) =>
        TryParseCcid(source, 0, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes the CCID layout without throwing.</summary>
    public static bool TryParseCcid(ReadOnlySpan<byte> source, out PinModifyStructure? result) =>
        TryParseCcid(source, 0, out result, out _);

    /// <summary>Decodes PC/SC Part 10's PIN_MODIFY_STRUCTURE (what SCardControl(FEATURE_MODIFY_PIN_DIRECT) sends).</summary>
    /// <exception cref="CardKitFormatException">Truncated, a template shorter than 4 bytes, or ulDataLength not the length of what follows.</exception>
    public static PinModifyStructure ParsePart10(ReadOnlySpan<byte> source) =>
        TryParsePart10(source, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes PC/SC Part 10's PIN_MODIFY_STRUCTURE without throwing.</summary>
    public static bool TryParsePart10(ReadOnlySpan<byte> source, out PinModifyStructure? result) =>
        TryParsePart10(source, out result, out _);

    internal static bool TryParseCcid(ReadOnlySpan<byte> source, int baseOffset, out PinModifyStructure? result,
        out CardKitFormatException? error)
    {
        result = null;
        error = null;
        const int minHeader = CcidFixedLength + 3;
        if (source.Length < minHeader)
        {
            var (message, offset) = StructureFields.Truncated(CcidName, CcidFields, source.Length, minHeader);
            error = new CardKitFormatException(message, baseOffset + offset);
            return false;
        }
        var indexes = ResolveMessageIndexes(source);
        var headerLength = minHeader + indexes - 1;
        if (source.Length < headerLength)
        {
            error = new CardKitFormatException(
                $"{CcidName} is truncated: bNumberMessage {source[10]} puts {indexes} bMsgIndex fields before bTeoPrologue, " +
                $"a {headerLength}-byte header; only {source.Length} bytes present", baseOffset + source.Length);
            return false;
        }
        var template = source[headerLength..];
        if (StructureFields.ShortTemplate(CcidName, headerLength, template.Length) is { } bad)
        {
            error = new CardKitFormatException(bad.Error, baseOffset + bad.Offset);
            return false;
        }
        // CCID Rev 1.1 §6.1.11, PIN modification data structure: offsets 0..13, the optional
        // bMsgIndex2 and bMsgIndex3, bTeoPrologue, then abPINApdu.
        result = new PinModifyStructure
        {
            TimeOut = source[0],
            Format = new PinBlockFormat(source[1], source[2], source[3]),
            InsertionOffsetOld = source[4],
            InsertionOffsetNew = source[5],
            MaxPinLength = source[6],
            MinPinLength = source[7],
            Confirmation = (PinConfirmation)source[8],
            EntryConditions = (PinEntryConditions)source[9],
            NumberMessage = source[10],
            LangId = BinaryPrimitives.ReadUInt16LittleEndian(source[11..]),
            MessageIndex1 = source[13],
            MessageIndex2 = indexes >= 2 ? source[14] : null,
            MessageIndex3 = indexes == 3 ? source[15] : null,
            TeoPrologue = source.Slice(headerLength - 3, 3).ToArray(),
            ApduTemplate = template.ToArray(),
        };
        return true;
    }

    // The driver's bMsgIndex count, unless another count leaves a template whose Lc matches its data and
    // the driver's does not do as well (one index per message, or always three, as other hosts send).
    private static int ResolveMessageIndexes(ReadOnlySpan<byte> source)
    {
        var expected = CcidMessageIndexCount(source[10]);
        var best = expected;
        var bestScore = Plausibility(source, expected);
        for (var indexes = 3; indexes >= 1; indexes--)
        {
            var score = Plausibility(source, indexes);
            if (indexes != expected && score >= 2 && score > bestScore)
                (best, bestScore) = (indexes, score);
        }
        return best;
    }

    private static int Plausibility(ReadOnlySpan<byte> source, int indexes)
    {
        var templateStart = CcidFixedLength + indexes - 1 + 3;
        return source.Length - templateStart < StructureFields.MinApduLength
            ? -1
            : StructureFields.ApduPlausibility(source[templateStart..]);
    }

    private static bool TryParsePart10(ReadOnlySpan<byte> source, out PinModifyStructure? result,
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
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(source[20..]);
        if (dataLength != template.Length)
        {
            error = new CardKitFormatException(
                $"{Part10Name}: ulDataLength says {dataLength} bytes of APDU, {template.Length} follow", 20);
            return false;
        }
        if (StructureFields.ShortTemplate(Part10Name, Part10HeaderLength, template.Length) is { } bad)
        {
            error = new CardKitFormatException(bad.Error, bad.Offset);
            return false;
        }
        // PC/SC Part 10, PIN_MODIFY_STRUCTURE: bTimerOut2 at 1, all three bMsgIndex, ulDataLength at 20.
        result = new PinModifyStructure
        {
            TimeOut = source[0],
            TimeOut2 = source[1],
            Format = new PinBlockFormat(source[2], source[3], source[4]),
            InsertionOffsetOld = source[5],
            InsertionOffsetNew = source[6],
            MaxPinLength = source[7],
            MinPinLength = source[8],
            Confirmation = (PinConfirmation)source[9],
            EntryConditions = (PinEntryConditions)source[10],
            NumberMessage = source[11],
            LangId = BinaryPrimitives.ReadUInt16LittleEndian(source[12..]),
            MessageIndex1 = source[14],
            MessageIndex2 = source[15],
            MessageIndex3 = source[16],
            TeoPrologue = source.Slice(17, 3).ToArray(),
            ApduTemplate = template.ToArray(),
        };
        return true;
    }

    /// <summary>Writes the CCID layout with the bMsgIndex fields that are not null; returns <see cref="CcidLength"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MessageIndex3"/> is set without <see cref="MessageIndex2"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="CcidLength"/>.</exception>
    public int EncodeCcid(Span<byte> destination)
    {
        if (MessageIndex3 is not null && MessageIndex2 is null)
            throw new InvalidOperationException("The CCID layout cannot carry bMsgIndex3 without bMsgIndex2.");
        if (destination.Length < CcidLength)
            throw new ArgumentException($"Destination needs {CcidLength} bytes.", nameof(destination));
        destination[0] = TimeOut;
        WriteUpToMessageIndex1(destination[1..]);
        var at = CcidFixedLength;
        if (MessageIndex2 is { } second)
            destination[at++] = second;
        if (MessageIndex3 is { } third)
            destination[at++] = third;
        _teoPrologue.CopyTo(destination[at..]);
        _apdu.CopyTo(destination[(at + 3)..]);
        return CcidLength;
    }

    /// <summary>The CCID layout as a new array.</summary>
    public byte[] EncodeCcid()
    {
        var bytes = new byte[CcidLength];
        EncodeCcid(bytes);
        return bytes;
    }

    /// <summary>Writes PC/SC Part 10's PIN_MODIFY_STRUCTURE (absent values as 0); returns <see cref="Part10Length"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Part10Length"/>.</exception>
    public int EncodePart10(Span<byte> destination)
    {
        if (destination.Length < Part10Length)
            throw new ArgumentException($"Destination needs {Part10Length} bytes.", nameof(destination));
        destination[0] = TimeOut;
        destination[1] = TimeOut2 ?? 0;
        WriteUpToMessageIndex1(destination[2..]);
        destination[15] = MessageIndex2 ?? 0;
        destination[16] = MessageIndex3 ?? 0;
        _teoPrologue.CopyTo(destination[17..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], (uint)_apdu.Length);
        _apdu.CopyTo(destination[Part10HeaderLength..]);
        return Part10Length;
    }

    /// <summary>PC/SC Part 10's PIN_MODIFY_STRUCTURE as a new array.</summary>
    public byte[] EncodePart10()
    {
        var bytes = new byte[Part10Length];
        EncodePart10(bytes);
        return bytes;
    }

    // bmFormatString .. bMsgIndex1: the 13 bytes both layouts share, in the same order.
    private void WriteUpToMessageIndex1(Span<byte> destination)
    {
        destination[0] = Format.FormatString;
        destination[1] = Format.PinBlockString;
        destination[2] = Format.PinLengthFormat;
        destination[3] = InsertionOffsetOld;
        destination[4] = InsertionOffsetNew;
        destination[5] = MaxPinLength;
        destination[6] = MinPinLength;
        destination[7] = (byte)Confirmation;
        destination[8] = (byte)EntryConditions;
        destination[9] = NumberMessage;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], LangId);
        destination[12] = MessageIndex1;
    }
}
