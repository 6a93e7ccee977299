namespace CardKit.Ccid;

/// <summary>
/// The PIN modification data structure in its two wire layouts: the CCID one carried in PC_to_RDR_Secure
/// after bPINOperation 01 (CCID Rev 1.1 §6.1.11: 17 to 19 bytes then the APDU, as bMsgIndex2 and bMsgIndex3
/// are optional), and PC/SC Part 10's PIN_MODIFY_STRUCTURE that SCardControl(FEATURE_MODIFY_PIN_DIRECT)
/// carries (PC/SC Part 10 v2.02 §2.5.3, 24 bytes: bTimerOut2, all three bMsgIndex, ulDataLength). The fields
/// it shares with <see cref="PinVerifyStructure"/> are <see cref="PinStructure"/>'s.
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
public sealed class PinModifyStructure : PinStructure
{
    /// <summary>Bytes before the APDU in the CCID layout with all three bMsgIndex fields.</summary>
    public const int CcidMaxHeaderLength = 19;

    /// <summary>Bytes before the APDU (abData) in PC/SC Part 10's PIN_MODIFY_STRUCTURE.</summary>
    public const int Part10HeaderLength = 24;

    // CCID Rev 1.1 §6.1.11, PIN modification data structure: offsets 0..13, the optional bMsgIndex2 and
    // bMsgIndex3, bTeoPrologue, then abPINApdu. The fields name the shortest header (one bMsgIndex).
    private static readonly Layout[] Ccid = [.. Enumerable.Range(1, 3).Select(indexes => new Layout(
        "CCID PIN modification structure",
        [
            (0, "bTimeOut"), (1, "bmFormatString"), (2, "bmPINBlockString"), (3, "bmPINLengthFormat"),
            (4, "bInsertionOffsetOld"), (5, "bInsertionOffsetNew"), (6, "wPINMaxExtraDigit"), (8, "bConfirmPIN"),
            (9, "bEntryValidationCondition"), (10, "bNumberMessage"), (11, "wLangId"), (13, "bMsgIndex1"),
            (14, "bTeoPrologue"),
        ], Part10: false, PinLength: 6, EntryValidation: 9, MessageIndexes: indexes))];

    // PC/SC Part 10 §2.5.3, PIN_MODIFY_STRUCTURE: bTimerOut2 at 1, all three bMsgIndex, ulDataLength at 20.
    private static readonly Layout Part10 = new("PIN_MODIFY_STRUCTURE",
    [
        (0, "bTimerOut"), (1, "bTimerOut2"), (2, "bmFormatString"), (3, "bmPINBlockString"), (4, "bmPINLengthFormat"),
        (5, "bInsertionOffsetOld"), (6, "bInsertionOffsetNew"), (7, "wPINMaxExtraDigit"), (9, "bConfirmPIN"),
        (10, "bEntryValidationCondition"), (11, "bNumberMessage"), (12, "wLangId"), (14, "bMsgIndex1"),
        (15, "bMsgIndex2"), (16, "bMsgIndex3"), (17, "bTeoPrologue"), (20, "ulDataLength"),
    ], Part10: true, PinLength: 7, EntryValidation: 10, MessageIndexes: 3);

    /// <summary>An empty structure, to fill in with an object initializer.</summary>
    public PinModifyStructure()
    {
    }

    // bInsertionOffsetOld and bInsertionOffsetNew sit between the format bytes and wPINMaxExtraDigit,
    // bConfirmPIN between wPINMaxExtraDigit and bEntryValidationCondition.
    private PinModifyStructure(ReadOnlySpan<byte> source, Layout layout) : base(source, layout)
    {
        InsertionOffsetOld = source[layout.PinLength - 2];
        InsertionOffsetNew = source[layout.PinLength - 1];
        Confirmation = (PinConfirmation)source[layout.PinLength + 2];
        MessageIndex1 = source[layout.MessageIndex];
        MessageIndex2 = layout.MessageIndexes >= 2 ? source[layout.MessageIndex + 1] : null;
        MessageIndex3 = layout.MessageIndexes == 3 ? source[layout.MessageIndex + 2] : null;
    }

    /// <summary>bInsertionOffsetOld: where the current PIN goes, in bytes from the start of the APDU data field.</summary>
    public byte InsertionOffsetOld { get; init; }

    /// <summary>bInsertionOffsetNew: where the new PIN goes, in bytes from the start of the APDU data field.</summary>
    public byte InsertionOffsetNew { get; init; }

    /// <summary>bConfirmPIN: whether the current PIN is asked and the new one confirmed.</summary>
    public PinConfirmation Confirmation { get; init; }

    /// <summary>bMsgIndex1: the reader message shown first.</summary>
    public byte MessageIndex1 { get; init; }

    /// <summary>bMsgIndex2, or null when a CCID structure leaves it out.</summary>
    public byte? MessageIndex2 { get; init; }

    /// <summary>bMsgIndex3, or null when a CCID structure leaves it out.</summary>
    public byte? MessageIndex3 { get; init; }

    /// <summary>How many bMsgIndex fields the CCID layout carries: 1, 2 or 3.</summary>
    public int CcidMessageIndexes => MessageIndex3 is not null ? 3 : MessageIndex2 is not null ? 2 : 1;

    private protected override Layout CcidLayout => Ccid[CcidMessageIndexes - 1];

    private protected override Layout Part10Layout => Part10;

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
        TryParse(source, Part10, 0, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes PC/SC Part 10's PIN_MODIFY_STRUCTURE without throwing.</summary>
    public static bool TryParsePart10(ReadOnlySpan<byte> source, out PinModifyStructure? result) =>
        TryParse(source, Part10, 0, out result, out _);

    internal static bool TryParseCcid(ReadOnlySpan<byte> source, int baseOffset, out PinModifyStructure? result,
        out CardKitFormatException? error)
    {
        result = null;
        error = Truncated(source, Ccid[0], baseOffset);
        if (error is not null)
            return false;
        var layout = Ccid[ResolveMessageIndexes(source) - 1];
        if (source.Length < layout.HeaderLength)
        {
            error = new CardKitFormatException(
                $"{layout.Name} is truncated: bNumberMessage {source[layout.EntryValidation + 1]} puts {layout.MessageIndexes} bMsgIndex fields " +
                $"before bTeoPrologue, a {layout.HeaderLength}-byte header; only {source.Length} bytes present", baseOffset + source.Length);
            return false;
        }
        return TryParse(source, layout, baseOffset, out result, out error);
    }

    private static bool TryParse(ReadOnlySpan<byte> source, Layout layout, int baseOffset, out PinModifyStructure? result,
        out CardKitFormatException? error)
    {
        error = Check(source, layout, baseOffset);
        result = error is null ? new PinModifyStructure(source, layout) : null;
        return error is null;
    }

    // The driver's bMsgIndex count, unless another count leaves a template whose Lc matches its data and
    // the driver's does not do as well (one index per message, or always three, as other hosts send).
    private static int ResolveMessageIndexes(ReadOnlySpan<byte> source)
    {
        var expected = CcidMessageIndexCount(source[Ccid[0].EntryValidation + 1]);
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
        var templateStart = Ccid[indexes - 1].HeaderLength;
        return source.Length - templateStart < StructureFields.MinApduLength
            ? -1
            : StructureFields.ApduPlausibility(source[templateStart..]);
    }

    private protected override void WriteOwnFields(Span<byte> destination, Layout layout)
    {
        if (!layout.Part10 && MessageIndex3 is not null && MessageIndex2 is null)
            throw new InvalidOperationException("The CCID layout cannot carry bMsgIndex3 without bMsgIndex2.");
        destination[layout.PinLength - 2] = InsertionOffsetOld;
        destination[layout.PinLength - 1] = InsertionOffsetNew;
        destination[layout.PinLength + 2] = (byte)Confirmation;
        destination[layout.MessageIndex] = MessageIndex1;
        // Part 10 always carries the three (absent ones as 0); CCID the present ones.
        if (layout.MessageIndexes >= 2)
            destination[layout.MessageIndex + 1] = MessageIndex2 ?? 0;
        if (layout.MessageIndexes == 3)
            destination[layout.MessageIndex + 2] = MessageIndex3 ?? 0;
    }
}
