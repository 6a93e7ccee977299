using System.Text;

namespace CardKit.Iso7816;

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

    /// <summary>Names the command, explains CLA and P1-P2; a SELECT by DF name names the AID from <paramref name="aids"/> (default: <see cref="AidTable.Default"/>).</summary>
    public static ApduDescription Describe(ReadOnlySpan<byte> command, AidTable? aids = null)
    {
        if (command.Length < 4)
            return new ApduDescription("(truncated header)", $"{command.Length} byte(s); a command needs CLA INS P1 P2", "");
        var cla = command[0];
        var ins = command[1];
        var p1 = command[2];
        var p2 = command[3];
        return new ApduDescription(InstructionName(cla, ins), DescribeClass(cla), DescribeParameters(cla, ins, p1, p2, command, aids ?? AidTable.Default));
    }

    /// <summary>The command's name for its class (see <see cref="InstructionNames"/>).</summary>
    public static string InstructionName(byte cla, byte ins) => InstructionNames.Name(cla, ins);

    private static readonly string?[] ClassTexts = new string?[256];

    /// <summary>ISO/IEC 7816-4:2020 §5.4.1 (Tables 2 and 3).</summary>
    public static string DescribeClass(byte cla) => ClassTexts[cla] ??= ClassText(cla);

    private static string ClassText(byte cla)
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

    private static string DescribeParameters(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> command, AidTable aids)
    {
        var data = CommandData(command);
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
                0x04 => $"by DF name {Hex.Format(data, '\0')}" + (aids.Name(data) is { } aid ? $" ({aid})" : ""),
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
            0xC0 or 0x84 => $"{(command.Length == 5 ? (command[4] == 0 ? 256 : command[4]) : command.Length == 7 && command[4] == 0 ? ((command[5] << 8 | command[6]) is var n and > 0 ? n : 65536) : 0)} bytes",
            0xCA or 0xCB or 0xDA or 0xDB => $"tag {(p1 << 8) | p2:X4}",
            0x70 => p1 == 0x00 ? "open" : $"close channel {p2}",
            _ => "",
        };
    }

    // ISO/IEC 7816-3:2006 §12.1.3: the data field of a short (Lc in byte 5) or extended (00 Lc1 Lc2) command.
    private static ReadOnlySpan<byte> CommandData(ReadOnlySpan<byte> command)
    {
        if (command.Length <= 5)
            return [];
        if (command[4] != 0)
            return command[5..Math.Min(command.Length, 5 + command[4])];
        if (command.Length <= 7)
            return [];
        var lc = command[5] << 8 | command[6];
        return command[7..Math.Min(command.Length, 7 + lc)];
    }
}
