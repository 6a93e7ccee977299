using System.Buffers.Binary;
using System.Globalization;

namespace CardKit.Atr;

/// <summary>
/// Historical bytes (ISO/IEC 7816-4:2020 §8.1.1): category indicator 00 (COMPACT-TLV then a
/// mandatory status indicator), 10 (DIR data reference), 80 (COMPACT-TLV), others proprietary;
/// and the PC/SC part 3 §3.1.3.2.3 storage card form 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00.
/// </summary>
public static class HistoricalBytes
{
    private static readonly byte[] PcscRid = [0xA0, 0x00, 0x00, 0x03, 0x06];

    /// <summary>The storage card described by PC/SC part 3 historical bytes, or null.</summary>
    public static PcscStorageCard? PcscStorage(ReadOnlySpan<byte> historical)
    {
        if (historical.Length < 11 || historical[0] != 0x80 || historical[1] != 0x4F || historical[2] < 0x09 || !historical[3..].StartsWith(PcscRid))
            return null;
        var ss = historical[8];
        var nn = BinaryPrimitives.ReadUInt16BigEndian(historical[9..]);
        return new PcscStorageCard(ss, StandardName(ss, AtrText.English), nn, CardName(nn) ?? AtrText.English.Format("CardNameUnknown", nn));
    }

    // PC/SC part 3 supplement, standard byte SS.
    private static string StandardName(byte ss, DecoderText text) => ss switch
    {
        0x00 => text["NoInformation"],
        >= 0x01 and <= 0x03 => text.Format("StandardIso14443A", ss),
        >= 0x05 and <= 0x07 => text.Format("StandardIso14443B", ss - 4),
        >= 0x09 and <= 0x0C => text.Format("StandardIso15693", ss - 8),
        0x0D => text.Format("StandardContact", "I2C"),
        0x0E => text["StandardContactExtendedI2c"],
        0x0F => text.Format("StandardContact", "2WBP"),
        0x10 => text.Format("StandardContact", "3WBP"),
        0x11 => Felica,
        0x40 => text["StandardLowFrequency"],
        _ => text.Format("StandardRfu", ss),
    };

    private const string Felica = "FeliCa";

    // PC/SC part 3 supplement, card name NN NN; null when not in the table.
    private static string? CardName(ushort nn) => nn switch
    {
        0x0001 => "MIFARE Classic 1K",
        0x0002 => "MIFARE Classic 4K",
        0x0003 => "MIFARE Ultralight",
        0x0004 => "SLE55R_XXXX",
        0x0006 => "SR176",
        0x0007 => "SRI X4K",
        0x0008 => "AT88RF020",
        0x0009 => "AT88SC0204CRF",
        0x000A => "AT88SC0808CRF",
        0x000B => "AT88SC1616CRF",
        0x000C => "AT88SC3216CRF",
        0x000D => "AT88SC6416CRF",
        0x000E => "SRF55V10P",
        0x000F => "SRF55V02P",
        0x0010 => "SRF55V10S",
        0x0011 => "SRF55V02S",
        0x0012 => "TAG_IT",
        0x0013 => "LRI512",
        0x0014 => "ICODESLI",
        0x0015 => "TEMPSENS",
        0x0016 => "I.CODE1",
        0x0017 => "PicoPass 2K",
        0x0018 => "PicoPass 2KS",
        0x0019 => "PicoPass 16K",
        0x001A => "PicoPass 16Ks",
        0x0021 => "LRI64",
        0x0022 => "I.CODE UID",
        0x0023 => "I.CODE EPC",
        0x0026 => "MIFARE Mini",
        0x002F => "Jewel",
        0x0030 => "Topaz NFC Tag",
        0x0035 => "I.CODE SL2",
        0x0036 => "MIFARE Plus SL1 2K",
        0x0037 => "MIFARE Plus SL1 4K",
        0x0038 => "MIFARE Plus SL2 2K",
        0x0039 => "MIFARE Plus SL2 4K",
        0x003A => "MIFARE Ultralight C",
        0x003B => "FeliCa",
        0x003C => "Melexis Sensor Tag (MLX90129)",
        0x003D => "MIFARE Ultralight EV1",
        _ => null,
    };

    /// <summary>Lines explaining <paramref name="historical"/> (ISO/IEC 7816-4 categories, COMPACT-TLV, PC/SC part 3), one level deep, offsets from <paramref name="offset"/>; in English.</summary>
    public static List<AtrLine> Explain(ReadOnlySpan<byte> historical, int offset) => Explain(historical, offset, AtrText.English);

    /// <summary>The lines of <see cref="Explain(ReadOnlySpan{byte}, int)"/> in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public static List<AtrLine> Explain(ReadOnlySpan<byte> historical, int offset, CultureInfo culture) => Explain(historical, offset, AtrText.For(culture));

    internal static List<AtrLine> Explain(ReadOnlySpan<byte> historical, int offset, DecoderText text)
    {
        var lines = new List<AtrLine>();
        if (historical.IsEmpty)
            return lines;
        if (PcscStorage(historical) is { } storage)
        {
            var standard = StandardName(storage.Standard, text);
            var cardName = CardName(storage.CardName);
            lines.Add(new(offset, "80", text["FieldCategory"], text["CategoryPcsc"], 1));
            lines.Add(new(offset + 1, Hex.Format(historical.Slice(1, 2)), text["FieldAidTag"], text.Format("AidTag", historical[2]), 1));
            lines.Add(new(offset + 3, Hex.Format(historical.Slice(3, 5)), "RID", text["RidPcsc"], 1));
            lines.Add(new(offset + 8, $"{storage.Standard:X2}", text["FieldStandard"], standard, 1) { Data = standard == Felica ? Range.All : null });
            var cardNameText = cardName ?? text.Format("CardNameUnknown", storage.CardName);
            lines.Add(new(offset + 9, Hex.Format(historical.Slice(9, 2)), text["FieldCardName"], cardNameText, 1) { Data = cardName is null ? null : Range.All });
            if (historical.Length > 11)
                lines.Add(new(offset + 11, Hex.Format(historical[11..]), "RFU", text["Reserved"], 1));
            return lines;
        }
        switch (historical[0])
        {
            case 0x00:
                lines.Add(new(offset, "00", text["FieldCategory"], text["Category00"], 1));
                if (historical.Length < 4)
                {
                    lines.Add(new(offset + 1, Hex.Format(historical[1..]), text["FieldStatusIndicator"], text["StatusMissing"], 1));
                    return lines;
                }
                CompactObjects(historical[1..^3], offset + 1, lines, text);
                var status = historical[^3..];
                lines.Add(new(offset + historical.Length - 3, Hex.Format(status), text["FieldStatusIndicator"],
                    text.Format("LifeCycleAndStatus", LifeCycle(status[0], text), status[1], status[2]), 1));
                break;
            case 0x10:
                lines.Add(new(offset, "10", text["FieldCategory"], text["Category10"], 1));
                if (historical.Length > 1)
                    lines.Add(new(offset + 1, Hex.Format(historical[1..]), text["FieldDirReference"], text["DirReference"], 1));
                break;
            case 0x80:
                lines.Add(new(offset, "80", text["FieldCategory"], text["Category80"], 1));
                CompactObjects(historical[1..], offset + 1, lines, text);
                break;
            case >= 0x81 and <= 0x8F:
                lines.Add(new(offset, $"{historical[0]:X2}", text["FieldCategory"], text["CategoryRfu"], 1));
                break;
            default:
                var printable = AtrExplanation.Printable(historical);
                var meaning = text.Format("CategoryProprietary", printable);
                var at = meaning.LastIndexOf(printable, StringComparison.Ordinal);
                lines.Add(new(offset, $"{historical[0]:X2}", text["FieldCategory"], meaning, 1) { Data = at..(at + printable.Length) });
                break;
        }
        return lines;
    }

    // ISO/IEC 7816-4:2020 §8.1.1.2 and Table 115 (tags of COMPACT-TLV data objects in historical bytes).
    private static void CompactObjects(ReadOnlySpan<byte> data, int offset, List<AtrLine> lines, DecoderText text)
    {
        var i = 0;
        while (i < data.Length)
        {
            var tag = data[i] >> 4;
            var length = data[i] & 0x0F;
            if (i + 1 + length > data.Length)
            {
                lines.Add(new(offset + i, Hex.Format(data[i..]), "COMPACT-TLV", text.Format("CompactTruncated", data[i], length, data.Length - i - 1), 1));
                return;
            }
            var value = data.Slice(i + 1, length);
            // Issuer's and pre-issuing data are the card's own bytes and text.
            var own = tag is 0x5 or 0x6 ? Range.All : (Range?)null;
            lines.Add(new(offset + i, Hex.Format(data.Slice(i, length + 1)), TagName(tag, text), DescribeObject(tag, value, text), 1) { Data = own });
            i += 1 + length;
        }
    }

    private static string TagName(int tag, DecoderText text) => tag switch
    {
        0x1 => text["TagCountryCode"],
        0x2 => text["TagIssuerIdentification"],
        0x3 => text["TagCardService"],
        0x4 => text["TagInitialAccess"],
        0x5 => text["TagIssuerData"],
        0x6 => text["TagPreIssuing"],
        0x7 => text["TagCardCapabilities"],
        0x8 => text["FieldStatusIndicator"],
        0xF => text["TagApplicationIdentifier"],
        _ => text.Format("TagOther", tag),
    };

    private static string DescribeObject(int tag, ReadOnlySpan<byte> v, DecoderText text) => tag switch
    {
        0x3 when v.Length >= 1 => CardService(v[0], text),
        0x7 => CardCapabilities(v, text),
        0x8 when v.Length == 1 => text.Format("LifeCycleOnly", LifeCycle(v[0], text)),
        0x8 when v.Length == 2 => $"SW {v[0]:X2} {v[1]:X2}",
        0x8 when v.Length == 3 => text.Format("LifeCycleAndStatus", LifeCycle(v[0], text), v[1], v[2]),
        0x5 or 0x6 => $"{Hex.Format(v)} {AtrExplanation.Printable(v)}",
        0xF => $"AID {Hex.Format(v)}",
        _ => Hex.Format(v),
    };

    // §8.1.1.2.3 Table 117.
    private static string CardService(byte b, DecoderText text)
    {
        var parts = new List<string>();
        if ((b & 0x80) != 0) parts.Add(text["ServiceFullName"]);
        if ((b & 0x40) != 0) parts.Add(text["ServicePartialName"]);
        if ((b & 0x30) != 0) parts.Add(text["ServiceBerTlv"]);
        parts.Add(text[((b >> 1) & 7) switch
        {
            4 => "ServiceReadBinary",
            2 => "ServiceGetData",
            0 => "ServiceReadRecord",
            _ => "ServiceAccessRfu",
        }]);
        parts.Add(text[(b & 1) == 0 ? "ServiceWithMf" : "ServiceWithoutMf"]);
        return string.Join(", ", parts);
    }

    // §8.1.1.2.7 Tables 118-120: selection methods, data coding byte, command chaining / extended lengths / channels.
    private static string CardCapabilities(ReadOnlySpan<byte> v, DecoderText text)
    {
        var parts = new List<string>();
        if (v.Length >= 1)
        {
            var s = v[0];
            var methods = new List<string>();
            if ((s & 0x80) != 0) methods.Add(text["MethodFullName"]);
            if ((s & 0x40) != 0) methods.Add(text["MethodPartialName"]);
            if ((s & 0x20) != 0) methods.Add(text["MethodPath"]);
            if ((s & 0x10) != 0) methods.Add(text["MethodFileIdentifier"]);
            if ((s & 0x08) != 0) methods.Add(text["MethodImplicit"]);
            parts.Add(methods.Count == 0 ? text["SelectionNone"] : text.Format("SelectionBy", string.Join("/", methods)));
            if ((s & 0x04) != 0) parts.Add(text["ShortEfIdentifiers"]);
            if ((s & 0x02) != 0) parts.Add(text["RecordNumbers"]);
            if ((s & 0x01) != 0) parts.Add(text["RecordIdentifiers"]);
        }
        if (v.Length >= 2)
            parts.Add(text.Format((v[1] & 0x80) != 0 ? "DataCodingTlv" : "DataCoding", v[1], 1 << (v[1] & 0x0F)));
        if (v.Length >= 3)
        {
            var c = v[2];
            if ((c & 0x80) != 0) parts.Add(text["CommandChaining"]);
            if ((c & 0x40) != 0) parts.Add(text["ExtendedLengths"]);
            var channels = (c & 0x07) + 1;
            parts.Add((c & 0x18) == 0 ? text["NoLogicalChannels"] : channels == 8 ? text["LogicalChannelsEightOrMore"] : text.Format("LogicalChannels", channels));
        }
        return string.Join(", ", parts);
    }

    // §7.4.10 Table 15: life cycle status byte.
    private static string LifeCycle(byte lcs, DecoderText text) => lcs switch
    {
        0x00 => text["NoInformation"],
        0x01 => text["LifeCycleCreation"],
        0x03 => text["LifeCycleInitialisation"],
        0x05 or 0x07 => text["LifeCycleActivated"],
        0x04 or 0x06 => text["LifeCycleDeactivated"],
        >= 0x0C and <= 0x0F => text["LifeCycleTermination"],
        _ => text.Format("LifeCycleProprietary", lcs),
    };
}
