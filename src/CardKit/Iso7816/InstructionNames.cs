namespace CardKit.Iso7816;

/// <summary>
/// Instruction names by class: ISO/IEC 7816-4:2020 §5.4.2 Table 4 (with the commands of parts 7,
/// 8, 9 and 11 that share it), GSM 11.11 §9.2 for class A0, and for the proprietary classes 8X
/// ETSI TS 102 221 §10.1.2 Table 10.5 (UICC) and GlobalPlatform Card Specification §11.
/// </summary>
public static class InstructionNames
{
    /// <summary>The command's name, or "INS XX" when no table names it.</summary>
    public static string Name(byte cla, byte ins)
    {
        if (cla == 0xA0 && Gsm(ins) is { } gsm)
            return gsm;
        if ((cla & 0xF0) is 0x80 or 0x90 or 0xA0 or 0xB0 or 0xC0 or 0xD0 or 0xE0 && Proprietary(ins) is { } uicc)
            return uicc;
        return Iso(ins) ?? $"INS {ins:X2}";
    }

    // GSM 11.11 §9.2, Table 8: the commands ISO/IEC 7816-4 does not name the same way (VERIFY CHV etc. keep the ISO names).
    private static string? Gsm(byte ins) => ins switch
    {
        0xF2 => "STATUS",
        0xA2 => "SEEK",
        0x32 => "INCREASE",
        0x04 => "INVALIDATE",
        0x44 => "REHABILITATE",
        0x88 => "RUN GSM ALGORITHM",
        0xFA => "SLEEP",
        0x10 => "TERMINAL PROFILE",
        0xC2 => "ENVELOPE",
        0x12 => "FETCH",
        0x14 => "TERMINAL RESPONSE",
        _ => null,
    };

    // ETSI TS 102 221 §10.1.2 Table 10.5 (class 8X) and GlobalPlatform Card Specification 2.3 §11 (class 80/84).
    private static string? Proprietary(byte ins) => ins switch
    {
        0xF2 => "STATUS",
        0x32 => "INCREASE",
        0xCB => "RETRIEVE DATA",
        0xDB => "SET DATA",
        0xAA => "TERMINAL CAPABILITY",
        0x10 => "TERMINAL PROFILE",
        0xC2 => "ENVELOPE",
        0x12 => "FETCH",
        0x14 => "TERMINAL RESPONSE",
        0x73 => "MANAGE SECURE CHANNEL",
        0x75 => "TRANSACT DATA",
        0x76 => "SUSPEND UICC",
        0x78 => "GET IDENTITY",
        0x7A => "EXCHANGE CAPABILITIES",
        0x50 => "INITIALIZE UPDATE",
        0xD8 => "PUT KEY",
        0xE6 => "INSTALL",
        0xE8 => "LOAD",
        0xF0 => "SET STATUS",
        0xE2 => "STORE DATA",
        0xE4 => "DELETE",
        0xCA => "GET DATA",
        0x82 => "EXTERNAL AUTHENTICATE",
        _ => null,
    };

    // ISO/IEC 7816-4:2020 §5.4.2 Table 4.
    private static string? Iso(byte ins) => ins switch
    {
        0x04 => "DEACTIVATE FILE",
        0x06 => "DEACTIVATE RECORD(S)",
        0x08 => "ACTIVATE RECORD(S)",
        0x0C => "ERASE RECORD(S)",
        0x0E or 0x0F => "ERASE BINARY",
        0x10 => "PERFORM SCQL OPERATION",
        0x12 => "PERFORM TRANSACTION OPERATION",
        0x14 => "PERFORM USER OPERATION",
        0x20 or 0x21 => "VERIFY",
        0x22 or 0x23 => "MANAGE SECURITY ENVIRONMENT",
        0x24 or 0x25 => "CHANGE REFERENCE DATA",
        0x26 or 0x27 => "DISABLE VERIFICATION REQUIREMENT",
        0x28 or 0x29 => "ENABLE VERIFICATION REQUIREMENT",
        0x2A or 0x2B => "PERFORM SECURITY OPERATION",
        0x2C or 0x2D => "RESET RETRY COUNTER (UNBLOCK)",
        0x2E or 0x2F => "PERFORM BIOMETRIC OPERATION",
        0x32 => "INCREASE",
        0x44 => "ACTIVATE FILE",
        0x46 or 0x47 => "GENERATE ASYMMETRIC KEY PAIR",
        0x70 => "MANAGE CHANNEL",
        0x82 => "EXTERNAL AUTHENTICATE",
        0x84 => "GET CHALLENGE",
        0x86 or 0x87 => "GENERAL AUTHENTICATE",
        0x88 or 0x89 => "INTERNAL AUTHENTICATE",
        0xA0 or 0xA1 => "SEARCH BINARY",
        0xA2 => "SEARCH RECORD",
        0xA4 => "SELECT",
        0xB0 or 0xB1 => "READ BINARY",
        0xB2 or 0xB3 => "READ RECORD(S)",
        0xC0 => "GET RESPONSE",
        0xC2 or 0xC3 => "ENVELOPE",
        0xCA or 0xCB => "GET DATA",
        0xCC or 0xCD => "GET NEXT DATA",
        0xD0 or 0xD1 => "WRITE BINARY",
        0xD2 => "WRITE RECORD",
        0xD6 or 0xD7 => "UPDATE BINARY",
        0xDA or 0xDB => "PUT DATA",
        0xDC or 0xDD => "UPDATE RECORD",
        0xE0 => "CREATE FILE",
        0xE2 => "APPEND RECORD",
        0xE4 => "DELETE FILE",
        0xE6 => "TERMINATE DF",
        0xE8 => "TERMINATE EF",
        0xFE => "TERMINATE CARD USAGE",
        _ => null,
    };
}
