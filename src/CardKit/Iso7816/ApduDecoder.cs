using System.Text;

namespace CardKit.Iso7816;

/// <summary>What a command APDU is: the command name from INS, what the class byte says, and a short parameter explanation.</summary>
public sealed record ApduDescription(string Name, string Class, string Parameters)
{
    public override string ToString() => Parameters.Length == 0 ? $"{Name} [{Class}]" : $"{Name} ({Parameters}) [{Class}]";
}

/// <summary>
/// Names command APDUs (ISO/IEC 7816-4:2020 §5.4.2 Table 4 and clause 11, ISO/IEC 7816-8/9,
/// GSM 11.11 §9.2, ETSI TS 102 221 §10.1.2) and explains the class byte (§5.4.1): chaining,
/// secure messaging, logical channel, proprietary classes, GSM class A0. Never throws: a header
/// shorter than four bytes is described as such.
/// </summary>
public static class ApduDecoder
{
    /// <summary>Commands whose data field is a PIN or key: VERIFY, CHANGE REFERENCE DATA, DISABLE/ENABLE VERIFICATION, RESET RETRY COUNTER.</summary>
    public static bool CarriesSecret(ReadOnlySpan<byte> command) =>
        command.Length > 5 && command[1] is 0x20 or 0x21 or 0x24 or 0x26 or 0x28 or 0x2C;

    public static ApduDescription Describe(ReadOnlySpan<byte> command)
    {
        if (command.Length < 4)
            return new ApduDescription("(truncated header)", $"{command.Length} byte(s); a command needs CLA INS P1 P2", "");
        var cla = command[0];
        var ins = command[1];
        var p1 = command[2];
        var p2 = command[3];
        return new ApduDescription(InstructionName(cla, ins), DescribeClass(cla), DescribeParameters(cla, ins, p1, p2, command));
    }

    /// <summary>ISO/IEC 7816-4:2020 §5.4.2 Table 4 and the GSM/UICC commands that share the INS space.</summary>
    public static string InstructionName(byte cla, byte ins) => ins switch
    {
        0x04 => "DEACTIVATE FILE",
        0x0C => "ERASE RECORD(S)",
        0x0E or 0x0F => "ERASE BINARY",
        0x10 => cla == 0x80 || cla == 0xA0 ? "TERMINAL PROFILE" : "PERFORM SCQL OPERATION",
        0x12 => cla == 0x80 || cla == 0xA0 ? "FETCH" : "PERFORM TRANSACTION OPERATION",
        0x14 => cla == 0x80 || cla == 0xA0 ? "TERMINAL RESPONSE" : "PERFORM USER OPERATION",
        0x20 or 0x21 => "VERIFY",
        0x22 => "MANAGE SECURITY ENVIRONMENT",
        0x24 or 0x25 => "CHANGE REFERENCE DATA",
        0x26 => "DISABLE VERIFICATION REQUIREMENT",
        0x28 => "ENABLE VERIFICATION REQUIREMENT",
        0x2A => "PERFORM SECURITY OPERATION",
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
        0xF2 => "STATUS",
        0xFE => "TERMINATE CARD USAGE",
        0xFA => "SLEEP",
        _ => $"INS {ins:X2}",
    };

    /// <summary>ISO/IEC 7816-4:2020 §5.4.1 (Tables 2 and 3).</summary>
    public static string DescribeClass(byte cla)
    {
        if (cla == 0xFF)
            return "invalid class FF (reserved for PPS)";
        if (cla == 0xA0)
            return "GSM 11.11 class A0";
        if ((cla & 0x80) != 0 && (cla & 0xE0) != 0x00)
        {
            // 8x-Fx other than the interindustry coding: proprietary (GlobalPlatform 8x, UICC 8x for STATUS etc.)
            return $"proprietary class {cla:X2}";
        }
        var text = new StringBuilder();
        if ((cla & 0xE0) == 0x00)
        {
            // First interindustry values: b5 chaining, b4-b3 SM, b2-b1 channel 0-3.
            text.Append("interindustry");
            if ((cla & 0x10) != 0)
                text.Append(", command chaining (not the last)");
            text.Append((cla >> 2 & 3) switch
            {
                0 => "",
                1 => ", proprietary secure messaging",
                2 => ", SM, header not authenticated",
                _ => ", SM, header authenticated",
            });
            text.Append(", channel ").Append(cla & 3);
        }
        else
        {
            // Further interindustry values 40-7F: b6 SM, b5 chaining, b4-b1 channel 4-19.
            text.Append("interindustry (further)");
            if ((cla & 0x10) != 0)
                text.Append(", command chaining (not the last)");
            if ((cla & 0x20) != 0)
                text.Append(", SM, header not authenticated");
            text.Append(", channel ").Append(4 + (cla & 0x0F));
        }
        return text.ToString();
    }

    private static string DescribeParameters(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> command)
    {
        var data = command.Length > 5 ? command[5..Math.Min(command.Length, 5 + command[4])] : [];
        return ins switch
        {
            // GSM 11.11 §9.2.1: SELECT takes only a file ID; P1 P2 are 00.
            0xA4 when cla == 0xA0 => $"file {Hex.Format(data, '\0')}",
            // §11.2.2 Table 62/63.
            0xA4 => (p1 switch
            {
                0x00 => data.Length == 0 ? "MF" : $"file {Hex.Format(data, '\0')}",
                0x01 => $"child DF {Hex.Format(data, '\0')}",
                0x02 => $"EF {Hex.Format(data, '\0')} under current DF",
                0x03 => "parent DF",
                0x04 => $"by DF name {Hex.Format(data, '\0')}",
                0x08 => $"path from MF {Hex.Format(data, '\0')}",
                0x09 => $"path from current DF {Hex.Format(data, '\0')}",
                _ => $"P1 {p1:X2}",
            }) + ((p2 & 0x0C) switch
            {
                0x00 => ", return FCI",
                0x04 => ", return FCP",
                0x08 => ", return FMD",
                _ => ", no response data",
            }),
            0xB0 or 0xD6 or 0xD0 when (p1 & 0x80) != 0 => $"SFI {p1 & 0x1F}, offset {p2}",
            0xB0 or 0xD6 or 0xD0 => $"offset {(p1 << 8) | p2}",
            // §11.4.3 Table 69: P2 b3-b1 mode, b8-b4 SFI.
            0xB2 or 0xDC or 0xD2 or 0xE2 => $"record {p1}, " + (p2 & 0x07) switch
            {
                0x04 => "absolute",
                0x02 => "next",
                0x03 => "previous",
                0x00 => "first",
                0x01 => "last",
                0x05 => "all from P1",
                _ => $"mode {p2 & 7}",
            } + ((p2 >> 3) is var sfi and > 0 ? $", SFI {sfi}" : ""),
            0x20 or 0x24 or 0x26 or 0x28 or 0x2C => $"reference {p2:X2}" + (p2 >= 0x80 ? " (specific)" : " (global)")
                + (ins == 0x20 && data.Length == 0 ? ", retry counter query" : ""),
            0xC0 or 0x84 => $"{(command.Length > 4 ? (command[4] == 0 ? 256 : command[4]) : 0)} bytes",
            0xCA or 0xCB or 0xDA or 0xDB => $"tag {(p1 << 8) | p2:X4}",
            0x70 => p1 == 0x00 ? "open" : $"close channel {p2}",
            _ => "",
        };
    }
}
