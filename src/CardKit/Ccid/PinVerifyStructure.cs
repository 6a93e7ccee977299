namespace CardKit.Ccid;

/// <summary>
/// The PIN verification data structure in its two wire layouts: the CCID one carried in PC_to_RDR_Secure
/// after bPINOperation 00 (CCID Rev 1.1 §6.1.11, 14 bytes then the APDU), and PC/SC Part 10's
/// PIN_VERIFY_STRUCTURE that SCardControl(FEATURE_VERIFY_PIN_DIRECT) carries (PC/SC Part 10 v2.02 §2.5.2,
/// 19 bytes: bTimerOut2 added after bTimerOut, ulDataLength before the APDU). The fields it shares with
/// <see cref="PinModifyStructure"/> are <see cref="PinStructure"/>'s.
/// </summary>
/// <remarks>Parsing copies what it keeps; the decoded object does not refer to the caller's buffer.</remarks>
public sealed class PinVerifyStructure : PinStructure
{
    /// <summary>Bytes before the APDU in the CCID layout.</summary>
    public const int CcidHeaderLength = 14;

    /// <summary>Bytes before the APDU (abData) in PC/SC Part 10's PIN_VERIFY_STRUCTURE.</summary>
    public const int Part10HeaderLength = 19;

    // CCID Rev 1.1 §6.1.11, PIN verification data structure: offsets 0..13, then abPINApdu.
    private static readonly Layout Ccid = new("CCID PIN verification structure",
    [
        (0, "bTimeOut"), (1, "bmFormatString"), (2, "bmPINBlockString"), (3, "bmPINLengthFormat"),
        (4, "wPINMaxExtraDigit"), (6, "bEntryValidationCondition"), (7, "bNumberMessage"), (8, "wLangId"),
        (10, "bMsgIndex"), (11, "bTeoPrologue"),
    ], Part10: false, PinLength: 4, EntryValidation: 6, MessageIndexes: 1);

    // PC/SC Part 10 §2.5.2, PIN_VERIFY_STRUCTURE: the CCID fields with bTimerOut2 at 1 and ulDataLength at 15.
    private static readonly Layout Part10 = new("PIN_VERIFY_STRUCTURE",
    [
        (0, "bTimerOut"), (1, "bTimerOut2"), (2, "bmFormatString"), (3, "bmPINBlockString"), (4, "bmPINLengthFormat"),
        (5, "wPINMaxExtraDigit"), (7, "bEntryValidationCondition"), (8, "bNumberMessage"), (9, "wLangId"),
        (11, "bMsgIndex"), (12, "bTeoPrologue"), (15, "ulDataLength"),
    ], Part10: true, PinLength: 5, EntryValidation: 7, MessageIndexes: 1);

    /// <summary>An empty structure, to fill in with an object initializer.</summary>
    public PinVerifyStructure()
    {
    }

    private PinVerifyStructure(ReadOnlySpan<byte> source, Layout layout) : base(source, layout) =>
        MessageIndex = source[layout.MessageIndex];

    /// <summary>bMsgIndex: which of the reader's messages to show.</summary>
    public byte MessageIndex { get; init; }

    private protected override Layout CcidLayout => Ccid;

    private protected override Layout Part10Layout => Part10;

    /// <summary>Decodes the CCID layout (the bytes after bPINOperation).</summary>
    /// <exception cref="CardKitFormatException">The header is truncated or the template is shorter than 4 bytes; the offset says where.</exception>
    public static PinVerifyStructure ParseCcid(ReadOnlySpan<byte> source) =>
        TryParse(source, Ccid, 0, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes the CCID layout without throwing.</summary>
    public static bool TryParseCcid(ReadOnlySpan<byte> source, out PinVerifyStructure? result) =>
        TryParse(source, Ccid, 0, out result, out _);

    /// <summary>Decodes PC/SC Part 10's PIN_VERIFY_STRUCTURE (what SCardControl(FEATURE_VERIFY_PIN_DIRECT) sends).</summary>
    /// <exception cref="CardKitFormatException">Truncated, a template shorter than 4 bytes, or ulDataLength not the length of what follows.</exception>
    public static PinVerifyStructure ParsePart10(ReadOnlySpan<byte> source) =>
        TryParse(source, Part10, 0, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes PC/SC Part 10's PIN_VERIFY_STRUCTURE without throwing.</summary>
    public static bool TryParsePart10(ReadOnlySpan<byte> source, out PinVerifyStructure? result) =>
        TryParse(source, Part10, 0, out result, out _);

    internal static bool TryParseCcid(ReadOnlySpan<byte> source, int baseOffset, out PinVerifyStructure? result,
        out CardKitFormatException? error) =>
        TryParse(source, Ccid, baseOffset, out result, out error);

    private static bool TryParse(ReadOnlySpan<byte> source, Layout layout, int baseOffset, out PinVerifyStructure? result,
        out CardKitFormatException? error)
    {
        error = Check(source, layout, baseOffset);
        result = error is null ? new PinVerifyStructure(source, layout) : null;
        return error is null;
    }

    private protected override void WriteOwnFields(Span<byte> destination, Layout layout) =>
        destination[layout.MessageIndex] = MessageIndex;
}
