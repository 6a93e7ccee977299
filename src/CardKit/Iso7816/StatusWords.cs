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

    /// <summary>A short phrase for <paramref name="sw"/>, e.g. 6A82 -> "file or application not found".</summary>
    public static string Describe(StatusWord sw, StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null)
    {
        var (sw1, sw2) = (sw.Sw1, sw.Sw2);
        if (sw1 == 0x63 && (sw2 & 0xF0) == 0xC0 && instruction is { } ins)
        {
            if (IsVerification(ins))
                return $"verification failed, {sw2 & 0x0F} retries left";
            if (context == StatusWordContext.Uicc)
                return $"command successful after {sw2 & 0x0F} internal update retries"; // TS 102 221 §10.2.1.3
        }
        return context switch
        {
            StatusWordContext.Gsm => Gsm(sw1, sw2) ?? Iso(sw1, sw2),
            StatusWordContext.Uicc => Uicc(sw1, sw2) ?? Iso(sw1, sw2),
            _ => Iso(sw1, sw2),
        };
    }

    /// <summary>The meaning of <paramref name="response"/> to <paramref name="command"/>: table and instruction from the command.</summary>
    public static string Describe(ReadOnlySpan<byte> command, StatusWord response) =>
        Describe(response, ContextFor(command), Instruction(command));

    /// <summary>
    /// VERIFY, CHANGE REFERENCE DATA, DISABLE/ENABLE VERIFICATION REQUIREMENT, RESET RETRY COUNTER
    /// (ISO/IEC 7816-4:2020 §11.5; GSM 11.11 VERIFY/CHANGE/DISABLE/ENABLE/UNBLOCK CHV share the codes).
    /// </summary>
    public static bool IsVerification(byte instruction) => instruction is 0x20 or 0x21 or 0x24 or 0x25 or 0x26 or 0x28 or 0x2C or 0x2D;

    private static byte? Instruction(ReadOnlySpan<byte> command) => command.Length >= 2 ? command[1] : null;

    // GSM 11.11 §9.4.1-§9.4.5.
    private static string? Gsm(byte sw1, byte sw2) => (sw1, sw2) switch
    {
        (0x91, _) => $"normal ending, {sw2} bytes of proactive command from the SIM",
        (0x9E, _) => $"{sw2} bytes of response data available (SIM data download error)",
        (0x9F, _) => $"{sw2} bytes of response data available (GET RESPONSE with class A0)",
        (0x93, 0x00) => "SIM Application Toolkit is busy",
        (0x92, 0x40) => "memory problem",
        (0x92, <= 0x0F) => $"command successful after {sw2 & 0x0F} internal update retries",
        (0x94, 0x00) => "no EF selected",
        (0x94, 0x02) => "out of range (invalid address)",
        (0x94, 0x04) => "file ID not found / pattern not found",
        (0x94, 0x08) => "file is inconsistent with the command",
        (0x98, 0x02) => "no CHV initialized",
        (0x98, 0x04) => "access condition not fulfilled / wrong CHV, at least one attempt left",
        (0x98, 0x08) => "in contradiction with CHV status (e.g. CHV disabled)",
        (0x98, 0x10) => "in contradiction with invalidation status",
        (0x98, 0x40) => "CHV blocked: no attempt left (unblock with the PUK)",
        (0x98, 0x50) => "increase cannot be performed, maximum value reached",
        (0x67, not 0x00) => $"incorrect parameter P3 (expected {sw2})",
        (0x6B, _) => "incorrect parameter P1 or P2",
        (0x6D, _) => "unknown instruction code",
        (0x6E, _) => "wrong instruction class",
        (0x6F, _) => "technical problem with no diagnostic given",
        _ => null,
    };

    // ETSI TS 102 221 §10.2.1.
    private static string? Uicc(byte sw1, byte sw2) => (sw1, sw2) switch
    {
        (0x91, _) => $"normal ending, proactive command of {sw2} bytes pending",
        (0x92, _) => $"normal ending, {sw2} bytes of response data available (terminal response)",
        (0x93, 0x00) => "toolkit is busy, command cannot be executed at present",
        (0x62, 0xF1) => "more data available",
        (0x62, 0xF2) => "more data available and proactive command pending",
        (0x62, 0xF3) => "response data available",
        (0x63, 0xF1) => "more data expected",
        (0x63, 0xF2) => "more data expected and proactive command pending",
        (0x63, >= 0xC0 and <= 0xCF) => $"verification failed, {sw2 & 0x0F} retries left",
        (0x98, 0x50) => "increase cannot be performed, maximum value reached",
        (0x98, 0x62) => "authentication error, application specific",
        (0x98, 0x63) => "security session or association expired",
        (0x98, 0x64) => "minimum UICC suspension time is too long",
        _ => null,
    };

    // ISO/IEC 7816-4:2020 §5.6, tables 5 and 6.
    private static string Iso(byte sw1, byte sw2) => (sw1, sw2) switch
    {
        (0x90, 0x00) => "success",
        (0x61, _) => $"{(sw2 == 0 ? 256 : sw2)} more bytes available (GET RESPONSE)",
        (0x62, 0x00) => "warning, state unchanged: no information",
        (0x62, 0x81) => "warning: part of returned data may be corrupted",
        (0x62, 0x82) => "warning: end of file or record reached before reading Ne bytes, or unsuccessful search",
        (0x62, 0x83) => "warning: selected file deactivated",
        (0x62, 0x84) => "warning: file or data control information not formatted",
        (0x62, 0x85) => "warning: selected file in termination state",
        (0x62, 0x86) => "warning: no input data available from a sensor",
        (0x62, 0x87) => "warning: at least one referenced record is deactivated",
        (0x62, >= 0x02 and <= 0x80) => "warning: triggering by the card",
        (0x62, _) => "warning, state unchanged",
        (0x63, 0x00) => "warning, state changed: no information (e.g. verification failed)",
        (0x63, 0x40) => "warning: unsuccessful comparison",
        (0x63, 0x81) => "warning: file filled up by the last write",
        (0x63, >= 0xC0 and <= 0xCF) => $"warning: counter is {sw2 & 0x0F} (e.g. {sw2 & 0x0F} tries left)",
        (0x63, _) => "warning, state changed",
        (0x64, 0x00) => "execution error, state unchanged",
        (0x64, 0x01) => "execution error: immediate response required by the card",
        (0x64, _) => "execution error, state unchanged: triggering by the card",
        (0x65, 0x81) => "execution error: memory failure",
        (0x65, _) => "execution error, state changed",
        (0x66, _) => "security-related issue",
        (0x67, 0x00) => "wrong length",
        (0x67, _) => "wrong length (proprietary detail)",
        (0x68, 0x81) => "logical channel not supported",
        (0x68, 0x82) => "secure messaging not supported",
        (0x68, 0x83) => "last command of the chain expected",
        (0x68, 0x84) => "command chaining not supported",
        (0x68, _) => "function in CLA not supported",
        (0x69, 0x81) => "command incompatible with file structure",
        (0x69, 0x82) => "security status not satisfied",
        (0x69, 0x83) => "authentication method blocked",
        (0x69, 0x84) => "reference data not usable",
        (0x69, 0x85) => "conditions of use not satisfied",
        (0x69, 0x86) => "command not allowed (no current EF)",
        (0x69, 0x87) => "expected secure messaging data objects missing",
        (0x69, 0x88) => "incorrect secure messaging data objects",
        (0x69, _) => "command not allowed",
        (0x6A, 0x80) => "incorrect parameters in the command data field",
        (0x6A, 0x81) => "function not supported",
        (0x6A, 0x82) => "file or application not found",
        (0x6A, 0x83) => "record not found",
        (0x6A, 0x84) => "not enough memory space in the file",
        (0x6A, 0x85) => "Nc inconsistent with TLV structure",
        (0x6A, 0x86) => "incorrect parameters P1-P2",
        (0x6A, 0x87) => "Nc inconsistent with parameters P1-P2",
        (0x6A, 0x88) => "referenced data or reference data not found",
        (0x6A, 0x89) => "file already exists",
        (0x6A, 0x8A) => "DF name already exists",
        (0x6A, _) => "wrong parameters P1-P2",
        (0x6B, 0x00) => "wrong parameters P1-P2 (offset outside the EF)",
        (0x6C, _) => $"wrong Le field: {(sw2 == 0 ? 256 : sw2)} bytes available",
        (0x6D, 0x00) => "instruction code not supported or invalid",
        (0x6E, 0x00) => "class not supported",
        (0x6F, 0x00) => "no precise diagnosis",
        (0x90, _) or (0x91, _) => "normal processing (proprietary qualification)",
        _ => "unknown status word",
    };
}
