using System.Globalization;

namespace CardKit.Iso7816;

/// <summary>
/// The one classification and the meanings of status words: which table applies (from the class
/// byte, or the card the caller knows it talks to), whether the command was done (normal, warning,
/// error), and a short phrase. Where the meaning depends on the instruction (63CX after VERIFY is
/// a failed verification, after UPDATE on a UICC a success after internal retries), pass it.
/// </summary>
public static class StatusWords
{
    /// <summary>
    /// The table for a command: GSM 11.11 for class A0 (GSM 11.11 §9.2), ISO/IEC 7816-4 otherwise.
    /// A UICC speaks classes 00/80 like any ISO card: callers that know they talk to one pass
    /// <see cref="StatusWordContext.Uicc"/> themselves.
    /// </summary>
    public static StatusWordContext ContextFor(ReadOnlySpan<byte> command) =>
        !command.IsEmpty && command[0] == 0xA0 ? StatusWordContext.Gsm : StatusWordContext.Iso7816;

    /// <summary>
    /// Whether <paramref name="sw"/> means done, done with a warning, or not done, in
    /// <paramref name="context"/>; <paramref name="instruction"/> (INS) when known.
    /// </summary>
    public static StatusWordOutcome Classify(StatusWord sw, StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null)
    {
        var (sw1, sw2) = (sw.Sw1, sw.Sw2);
        // ISO/IEC 7816-4:2020 §11.5.6 (VERIFY), TS 102 221 §11.1.9-§11.1.13, GSM 11.11 §9.2.9-§9.2.13:
        // after a verification command, 63CX (and 6300, "no information") means the reference data
        // did not match.
        if (sw1 == 0x63 && (sw2 == 0x00 || (sw2 & 0xF0) == 0xC0) && instruction is { } ins && IsVerification(ins))
            return StatusWordOutcome.Error;
        return context switch
        {
            StatusWordContext.Gsm => Gsm(sw1, sw2) ?? Iso(sw1),
            StatusWordContext.Uicc => Uicc(sw1, sw2) ?? Iso(sw1),
            _ => Iso(sw1),
        };

        // GSM 11.11 §9.4.1 (correctly executed), §9.4.2 (postponed), §9.4.3 (memory management).
        static StatusWordOutcome? Gsm(byte sw1, byte sw2) => (sw1, sw2) switch
        {
            (0x91 or 0x9E or 0x9F, _) => StatusWordOutcome.Normal,
            (0x92, <= 0x0F) => StatusWordOutcome.Warning,
            (0x92 or 0x93 or 0x94 or 0x98, _) => StatusWordOutcome.Error,
            _ => null,
        };

        // ETSI TS 102 221 §10.2.1.1 (normal), §10.2.1.2 (postponed), §10.2.1.3 (warnings).
        static StatusWordOutcome? Uicc(byte sw1, byte sw2) => (sw1, sw2) switch
        {
            (0x91 or 0x92, _) => StatusWordOutcome.Normal,
            (0x93, _) or (0x98, _) => StatusWordOutcome.Error,
            _ => null,
        };

        // ISO/IEC 7816-4:2020 §5.6 table 5: 9000 and 61XX normal, 62XX and 63XX warning, 64XX-6FXX
        // errors. 90XX and 91XX are normal with a proprietary qualification; 9FXX is the GSM "response
        // ready" that a T=0 layer answers with GET RESPONSE whatever the class.
        static StatusWordOutcome Iso(byte sw1) => sw1 switch
        {
            0x90 or 0x91 or 0x61 or 0x9F => StatusWordOutcome.Normal,
            0x62 or 0x63 => StatusWordOutcome.Warning,
            _ => StatusWordOutcome.Error,
        };
    }

    /// <summary>The outcome of <paramref name="response"/> to <paramref name="command"/>: table and instruction from the command.</summary>
    public static StatusWordOutcome Classify(ReadOnlySpan<byte> command, StatusWord response) =>
        Classify(response, ContextFor(command), Instruction(command));

    /// <summary>A short phrase for <paramref name="sw"/> in English, e.g. 6A82 -> "file or application not found".</summary>
    public static string Describe(StatusWord sw, StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null) =>
        Describe(sw, Iso7816Text.English, context, instruction);

    /// <summary>
    /// The phrase of <see cref="Describe(StatusWord, StatusWordContext, byte?)"/> in the language of
    /// <paramref name="culture"/> (French, Russian; English otherwise).
    /// </summary>
    public static string Describe(StatusWord sw, CultureInfo culture, StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null) =>
        Describe(sw, Iso7816Text.For(culture), context, instruction);

    /// <summary>The meaning of <paramref name="response"/> to <paramref name="command"/> in English: table and instruction from the command.</summary>
    public static string Describe(ReadOnlySpan<byte> command, StatusWord response) =>
        Describe(response, Iso7816Text.English, ContextFor(command), Instruction(command));

    /// <summary>The meaning of <paramref name="response"/> to <paramref name="command"/> in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public static string Describe(ReadOnlySpan<byte> command, StatusWord response, CultureInfo culture) =>
        Describe(response, Iso7816Text.For(culture), ContextFor(command), Instruction(command));

    internal static string Describe(StatusWord sw, DecoderText text, StatusWordContext context, byte? instruction)
    {
        var (sw1, sw2) = (sw.Sw1, sw.Sw2);
        if (sw1 == 0x63 && (sw2 & 0xF0) == 0xC0 && instruction is { } ins)
        {
            if (IsVerification(ins))
                return text.Format("VerificationFailed", sw2 & 0x0F);
            if (context == StatusWordContext.Uicc)
                return text.Format("UpdateRetries", sw2 & 0x0F); // TS 102 221 §10.2.1.3
        }
        return context switch
        {
            StatusWordContext.Gsm => Gsm(sw1, sw2, text) ?? Iso(sw1, sw2, text),
            StatusWordContext.Uicc => Uicc(sw1, sw2, text) ?? Iso(sw1, sw2, text),
            _ => Iso(sw1, sw2, text),
        };
    }

    /// <summary>
    /// VERIFY, CHANGE REFERENCE DATA, DISABLE/ENABLE VERIFICATION REQUIREMENT, RESET RETRY COUNTER
    /// (ISO/IEC 7816-4:2020 §11.5; GSM 11.11 VERIFY/CHANGE/DISABLE/ENABLE/UNBLOCK CHV share the codes).
    /// </summary>
    public static bool IsVerification(byte instruction) => instruction is 0x20 or 0x21 or 0x24 or 0x25 or 0x26 or 0x28 or 0x2C or 0x2D;

    private static byte? Instruction(ReadOnlySpan<byte> command) => command.Length >= 2 ? command[1] : null;

    // GSM 11.11 §9.4.1-§9.4.5.
    private static string? Gsm(byte sw1, byte sw2, DecoderText text) => (sw1, sw2) switch
    {
        (0x91, _) => text.Format("Gsm91", sw2),
        (0x9E, _) => text.Format("Gsm9E", sw2),
        (0x9F, _) => text.Format("Gsm9F", sw2),
        (0x93, 0x00) => text["Gsm9300"],
        (0x92, 0x40) => text["Gsm9240"],
        (0x92, <= 0x0F) => text.Format("UpdateRetries", sw2 & 0x0F),
        (0x94, 0x00) => text["Gsm9400"],
        (0x94, 0x02) => text["Gsm9402"],
        (0x94, 0x04) => text["Gsm9404"],
        (0x94, 0x08) => text["Gsm9408"],
        (0x98, 0x02) => text["Gsm9802"],
        (0x98, 0x04) => text["Gsm9804"],
        (0x98, 0x08) => text["Gsm9808"],
        (0x98, 0x10) => text["Gsm9810"],
        (0x98, 0x40) => text["Gsm9840"],
        (0x98, 0x50) => text["IncreaseAtMaximum"],
        (0x67, not 0x00) => text.Format("Gsm67", sw2),
        (0x6B, _) => text["Gsm6B"],
        (0x6D, _) => text["Gsm6D"],
        (0x6E, _) => text["Gsm6E"],
        (0x6F, _) => text["Gsm6F"],
        _ => null,
    };

    // ETSI TS 102 221 §10.2.1.
    private static string? Uicc(byte sw1, byte sw2, DecoderText text) => (sw1, sw2) switch
    {
        (0x91, _) => text.Format("Uicc91", sw2),
        (0x92, _) => text.Format("Uicc92", sw2),
        (0x93, 0x00) => text["Uicc9300"],
        (0x62, 0xF1) => text["Uicc62F1"],
        (0x62, 0xF2) => text["Uicc62F2"],
        (0x62, 0xF3) => text["Uicc62F3"],
        (0x63, 0xF1) => text["Uicc63F1"],
        (0x63, 0xF2) => text["Uicc63F2"],
        (0x63, >= 0xC0 and <= 0xCF) => text.Format("VerificationFailed", sw2 & 0x0F),
        (0x98, 0x50) => text["IncreaseAtMaximum"],
        (0x98, 0x62) => text["Uicc9862"],
        (0x98, 0x63) => text["Uicc9863"],
        (0x98, 0x64) => text["Uicc9864"],
        _ => null,
    };

    // ISO/IEC 7816-4:2020 §5.6, tables 5 and 6.
    private static string Iso(byte sw1, byte sw2, DecoderText text) => (sw1, sw2) switch
    {
        (0x90, 0x00) => text["Sw9000"],
        (0x61, _) => text.Format("Sw61", sw2 == 0 ? 256 : sw2),
        (0x62, 0x00) => text["Sw6200"],
        (0x62, 0x81) => text["Sw6281"],
        (0x62, 0x82) => text["Sw6282"],
        (0x62, 0x83) => text["Sw6283"],
        (0x62, 0x84) => text["Sw6284"],
        (0x62, 0x85) => text["Sw6285"],
        (0x62, 0x86) => text["Sw6286"],
        (0x62, 0x87) => text["Sw6287"],
        (0x62, >= 0x02 and <= 0x80) => text["Sw62Triggering"],
        (0x62, _) => text["Sw62"],
        (0x63, 0x00) => text["Sw6300"],
        (0x63, 0x40) => text["Sw6340"],
        (0x63, 0x81) => text["Sw6381"],
        (0x63, >= 0xC0 and <= 0xCF) => text.Format("Sw63Counter", sw2 & 0x0F),
        (0x63, _) => text["Sw63"],
        (0x64, 0x00) => text["Sw6400"],
        (0x64, 0x01) => text["Sw6401"],
        (0x64, _) => text["Sw64"],
        (0x65, 0x81) => text["Sw6581"],
        (0x65, _) => text["Sw65"],
        (0x66, _) => text["Sw66"],
        (0x67, 0x00) => text["Sw6700"],
        (0x67, _) => text["Sw67"],
        (0x68, 0x81) => text["Sw6881"],
        (0x68, 0x82) => text["Sw6882"],
        (0x68, 0x83) => text["Sw6883"],
        (0x68, 0x84) => text["Sw6884"],
        (0x68, _) => text["Sw68"],
        (0x69, 0x81) => text["Sw6981"],
        (0x69, 0x82) => text["Sw6982"],
        (0x69, 0x83) => text["Sw6983"],
        (0x69, 0x84) => text["Sw6984"],
        (0x69, 0x85) => text["Sw6985"],
        (0x69, 0x86) => text["Sw6986"],
        (0x69, 0x87) => text["Sw6987"],
        (0x69, 0x88) => text["Sw6988"],
        (0x69, _) => text["Sw69"],
        (0x6A, 0x80) => text["Sw6A80"],
        (0x6A, 0x81) => text["Sw6A81"],
        (0x6A, 0x82) => text["Sw6A82"],
        (0x6A, 0x83) => text["Sw6A83"],
        (0x6A, 0x84) => text["Sw6A84"],
        (0x6A, 0x85) => text["Sw6A85"],
        (0x6A, 0x86) => text["Sw6A86"],
        (0x6A, 0x87) => text["Sw6A87"],
        (0x6A, 0x88) => text["Sw6A88"],
        (0x6A, 0x89) => text["Sw6A89"],
        (0x6A, 0x8A) => text["Sw6A8A"],
        (0x6A, _) => text["Sw6A"],
        (0x6B, 0x00) => text["Sw6B00"],
        (0x6C, _) => text.Format("Sw6C", sw2 == 0 ? 256 : sw2),
        (0x6D, 0x00) => text["Sw6D00"],
        (0x6E, 0x00) => text["Sw6E00"],
        (0x6F, 0x00) => text["Sw6F00"],
        (0x90, _) or (0x91, _) => text["Sw90Proprietary"],
        _ => text["SwUnknown"],
    };
}
