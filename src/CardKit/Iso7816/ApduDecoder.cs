using System.Globalization;

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

    /// <summary>Names the command, explains CLA and P1-P2 in English; a SELECT by DF name names the AID from <paramref name="aids"/> (default: <see cref="AidTable.Default"/>).</summary>
    public static ApduDescription Describe(ReadOnlySpan<byte> command, AidTable? aids = null) => Describe(command, Iso7816Text.English, aids);

    /// <summary>
    /// <see cref="Describe(ReadOnlySpan{byte}, AidTable?)"/> in the language of <paramref name="culture"/>
    /// (French, Russian; English otherwise). The command names stay the standard's (SELECT, VERIFY).
    /// </summary>
    public static ApduDescription Describe(ReadOnlySpan<byte> command, CultureInfo culture, AidTable? aids = null) =>
        Describe(command, Iso7816Text.For(culture), aids);

    private static ApduDescription Describe(ReadOnlySpan<byte> command, DecoderText text, AidTable? aids)
    {
        if (command.Length < 4)
            return new ApduDescription(text["TruncatedHeader"], text.Format("TruncatedHeaderLength", command.Length), "");
        var cla = command[0];
        var ins = command[1];
        var p1 = command[2];
        var p2 = command[3];
        var aidTable = aids ?? AidTable.Default;
        if (ins == 0xA4 && cla != 0xA0)
        {
            var (parameters, application) = DescribeSelect(p1, p2, CommandData(command), aidTable, text);
            return new ApduDescription(InstructionName(cla, ins), DescribeClass(cla, text), parameters) { Data = application };
        }
        return new ApduDescription(InstructionName(cla, ins), DescribeClass(cla, text), DescribeParameters(ins, p1, p2, command, text));
    }

    /// <summary>The command's name for its class (see <see cref="InstructionNames"/>).</summary>
    public static string InstructionName(byte cla, byte ins) => InstructionNames.Name(cla, ins);

    // English, the CLI's language, is worked out once per class byte.
    private static readonly string?[] ClassTexts = new string?[256];

    /// <summary>ISO/IEC 7816-4:2020 §5.4.1 (Tables 2 and 3), in English.</summary>
    public static string DescribeClass(byte cla) => ClassTexts[cla] ??= ClassText(cla, Iso7816Text.English);

    /// <summary>What the class byte says, in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public static string DescribeClass(byte cla, CultureInfo culture) => DescribeClass(cla, Iso7816Text.For(culture));

    private static string DescribeClass(byte cla, DecoderText text) =>
        ReferenceEquals(text, Iso7816Text.English) ? DescribeClass(cla) : ClassText(cla, text);

    private static string ClassText(byte cla, DecoderText text)
    {
        if (cla == 0xFF)
            return text["ClassPps"];
        if (cla == 0xA0)
            return text["ClassGsm"];
        if ((cla & 0x80) != 0 && (cla & 0xE0) != 0x00)
        {
            // 8x-Fx other than the interindustry coding: proprietary (GlobalPlatform 8x, UICC 8x for STATUS etc.)
            return text.Format("ClassProprietary", cla);
        }
        var parts = new List<string>(4);
        if ((cla & 0xE0) == 0x00)
        {
            // First interindustry values: b5 chaining, b4-b3 SM, b2-b1 channel 0-3.
            parts.Add(text["ClassInterindustry"]);
            if ((cla & 0x10) != 0)
                parts.Add(text["ClassChaining"]);
            if ((cla >> 2 & 3) is var sm and > 0)
                parts.Add(text[sm switch { 1 => "ClassSmProprietary", 2 => "ClassSmHeaderNotAuthenticated", _ => "ClassSmHeaderAuthenticated" }]);
            parts.Add(text.Format("ClassChannel", cla & 3));
        }
        else
        {
            // Further interindustry values 40-7F: b6 SM, b5 chaining, b4-b1 channel 4-19.
            parts.Add(text["ClassInterindustryFurther"]);
            if ((cla & 0x10) != 0)
                parts.Add(text["ClassChaining"]);
            if ((cla & 0x20) != 0)
                parts.Add(text["ClassSmHeaderNotAuthenticated"]);
            parts.Add(text.Format("ClassChannel", 4 + (cla & 0x0F)));
        }
        return string.Join(", ", parts);
    }

    // ISO/IEC 7816-4:2020 §11.2.2 Tables 62/63; the application's name (from the AID table) is data,
    // the same in every language, and its place in the text is returned with it.
    private static (string Parameters, Range? Application) DescribeSelect(byte p1, byte p2, ReadOnlySpan<byte> data, AidTable aids, DecoderText text)
    {
        var target = p1 switch
        {
            0x00 => data.Length == 0 ? "MF" : text.Format("SelectFile", Hex.Format(data, '\0')),
            0x01 => text.Format("SelectChildDf", Hex.Format(data, '\0')),
            0x02 => text.Format("SelectEfUnderCurrentDf", Hex.Format(data, '\0')),
            0x03 => text["SelectParentDf"],
            0x04 => text.Format("SelectByDfName", Hex.Format(data, '\0')),
            0x08 => text.Format("SelectPathFromMf", Hex.Format(data, '\0')),
            0x09 => text.Format("SelectPathFromCurrentDf", Hex.Format(data, '\0')),
            _ => $"P1 {p1:X2}",
        };
        var response = text[(p2 & 0x0C) switch
        {
            0x00 => "SelectReturnFci",
            0x04 => "SelectReturnFcp",
            0x08 => "SelectReturnFmd",
            _ => "SelectNoResponseData",
        }];
        if (p1 == 0x04 && aids.Name(data) is { } application)
        {
            var start = target.Length + 2;
            return ($"{target} ({application}), {response}", start..(start + application.Length));
        }
        return ($"{target}, {response}", null);
    }

    private static string DescribeParameters(byte ins, byte p1, byte p2, ReadOnlySpan<byte> command, DecoderText text)
    {
        var data = CommandData(command);
        return ins switch
        {
            // GSM 11.11 §9.2.1 (class A0; the other classes are DescribeSelect's): SELECT takes only a file ID; P1 P2 are 00.
            0xA4 => text.Format("SelectFile", Hex.Format(data, '\0')),
            0xB0 or 0xD6 or 0xD0 when (p1 & 0x80) != 0 => text.Format("OffsetWithSfi", p1 & 0x1F, p2),
            0xB0 or 0xD6 or 0xD0 => text.Format("Offset", (p1 << 8) | p2),
            // §11.4.3 Table 69: P2 b3-b1 mode, b8-b4 SFI.
            0xB2 or 0xDC or 0xD2 or 0xE2 => text.Format("Record", p1) + ", " + (p2 & 0x07) switch
            {
                0x04 => text["RecordAbsolute"],
                0x02 => text["RecordNext"],
                0x03 => text["RecordPrevious"],
                0x00 => text["RecordFirst"],
                0x01 => text["RecordLast"],
                0x05 => text["RecordAllFromP1"],
                _ => text.Format("RecordMode", p2 & 7),
            } + ((p2 >> 3) is var sfi and > 0 ? $", SFI {sfi}" : ""),
            0x20 or 0x24 or 0x26 or 0x28 or 0x2C => text.Format(p2 >= 0x80 ? "ReferenceSpecific" : "ReferenceGlobal", p2)
                + (ins == 0x20 && data.Length == 0 ? ", " + text["RetryCounterQuery"] : ""),
            0xC0 or 0x84 => text.Format("Length", command.Length == 5 ? (command[4] == 0 ? 256 : command[4]) : command.Length == 7 && command[4] == 0 ? ((command[5] << 8 | command[6]) is var n and > 0 ? n : 65536) : 0),
            0xCA or 0xCB or 0xDA or 0xDB => text.Format("Tag", (p1 << 8) | p2),
            0x70 => p1 == 0x00 ? text["ChannelOpen"] : text.Format("ChannelClose", p2),
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
