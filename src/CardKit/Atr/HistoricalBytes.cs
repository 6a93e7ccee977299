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
        return new PcscStorageCard(ss, StandardName(ss), nn, CardName(nn));
    }

    // PC/SC part 3 supplement, standard byte SS.
    private static string StandardName(byte ss) => ss switch
    {
        0x00 => "no information",
        0x01 => "ISO 14443 A, part 1",
        0x02 => "ISO 14443 A, part 2",
        0x03 => "ISO 14443 A, part 3",
        0x05 => "ISO 14443 B, part 1",
        0x06 => "ISO 14443 B, part 2",
        0x07 => "ISO 14443 B, part 3",
        0x09 => "ISO 15693, part 1",
        0x0A => "ISO 15693, part 2",
        0x0B => "ISO 15693, part 3",
        0x0C => "ISO 15693, part 4",
        0x0D => "contact (ISO 7816-10) I2C",
        0x0E => "contact (ISO 7816-10) extended I2C",
        0x0F => "contact (ISO 7816-10) 2WBP",
        0x10 => "contact (ISO 7816-10) 3WBP",
        0x11 => "FeliCa",
        0x40 => "low frequency contactless cards",
        _ => $"RFU standard {ss:X2}",
    };

    // PC/SC part 3 supplement, card name NN NN.
    private static string CardName(ushort nn) => nn switch
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
        _ => $"card name {nn:X4} (not in CardKit's table)",
    };

    /// <summary>Lines explaining <paramref name="historical"/> (ISO/IEC 7816-4 categories, COMPACT-TLV, PC/SC part 3), one level deep, offsets from <paramref name="offset"/>.</summary>
    public static List<AtrLine> Explain(ReadOnlySpan<byte> historical, int offset)
    {
        var lines = new List<AtrLine>();
        if (historical.IsEmpty)
            return lines;
        if (PcscStorage(historical) is { } storage)
        {
            lines.Add(new(offset, "80", "Category", "80: PC/SC part 3 storage card follows", 1));
            lines.Add(new(offset + 1, Hex.Format(historical.Slice(1, 2)), "AID tag", $"application identifier, {historical[2]} bytes", 1));
            lines.Add(new(offset + 3, Hex.Format(historical.Slice(3, 5)), "RID", "A0 00 00 03 06: PC/SC Workgroup", 1));
            lines.Add(new(offset + 8, $"{storage.Standard:X2}", "Standard", storage.StandardName, 1));
            lines.Add(new(offset + 9, Hex.Format(historical.Slice(9, 2)), "Card name", storage.CardNameText, 1));
            if (historical.Length > 11)
                lines.Add(new(offset + 11, Hex.Format(historical[11..]), "RFU", "reserved", 1));
            return lines;
        }
        switch (historical[0])
        {
            case 0x00:
                lines.Add(new(offset, "00", "Category", "00: COMPACT-TLV objects, then a status indicator in the last 3 bytes", 1));
                if (historical.Length < 4)
                {
                    lines.Add(new(offset + 1, Hex.Format(historical[1..]), "Status indicator", "missing: category 00 needs LCS SW1 SW2 at the end", 1));
                    return lines;
                }
                CompactObjects(historical[1..^3], offset + 1, lines);
                var status = historical[^3..];
                lines.Add(new(offset + historical.Length - 3, Hex.Format(status), "Status indicator",
                    $"life cycle {LifeCycle(status[0])}, SW {status[1]:X2} {status[2]:X2}", 1));
                break;
            case 0x10:
                lines.Add(new(offset, "10", "Category", "10: DIR data reference follows", 1));
                if (historical.Length > 1)
                    lines.Add(new(offset + 1, Hex.Format(historical[1..]), "DIR data reference", "reference to EF.DIR data", 1));
                break;
            case 0x80:
                lines.Add(new(offset, "80", "Category", "80: COMPACT-TLV objects (status indicator optional)", 1));
                CompactObjects(historical[1..], offset + 1, lines);
                break;
            case >= 0x81 and <= 0x8F:
                lines.Add(new(offset, $"{historical[0]:X2}", "Category", "RFU category indicator", 1));
                break;
            default:
                lines.Add(new(offset, $"{historical[0]:X2}", "Category", $"proprietary historical bytes {AtrExplanation.Printable(historical)}", 1));
                break;
        }
        return lines;
    }

    // ISO/IEC 7816-4:2020 §8.1.1.2 and Table 115 (tags of COMPACT-TLV data objects in historical bytes).
    private static void CompactObjects(ReadOnlySpan<byte> data, int offset, List<AtrLine> lines)
    {
        var i = 0;
        while (i < data.Length)
        {
            var tag = data[i] >> 4;
            var length = data[i] & 0x0F;
            if (i + 1 + length > data.Length)
            {
                lines.Add(new(offset + i, Hex.Format(data[i..]), "COMPACT-TLV", $"object {data[i]:X2} announces {length} bytes, {data.Length - i - 1} remain", 1));
                return;
            }
            var value = data.Slice(i + 1, length);
            lines.Add(new(offset + i, Hex.Format(data.Slice(i, length + 1)), TagName(tag), DescribeObject(tag, value), 1));
            i += 1 + length;
        }
    }

    private static string TagName(int tag) => tag switch
    {
        0x1 => "Country code",
        0x2 => "Issuer identification",
        0x3 => "Card service data",
        0x4 => "Initial access data",
        0x5 => "Card issuer's data",
        0x6 => "Pre-issuing data",
        0x7 => "Card capabilities",
        0x8 => "Status indicator",
        0xF => "Application identifier",
        _ => $"Tag {tag:X}",
    };

    private static string DescribeObject(int tag, ReadOnlySpan<byte> v) => tag switch
    {
        0x3 when v.Length >= 1 => CardService(v[0]),
        0x7 => CardCapabilities(v),
        0x8 when v.Length == 1 => $"life cycle {LifeCycle(v[0])}",
        0x8 when v.Length == 2 => $"SW {v[0]:X2} {v[1]:X2}",
        0x8 when v.Length == 3 => $"life cycle {LifeCycle(v[0])}, SW {v[1]:X2} {v[2]:X2}",
        0x5 or 0x6 => $"{Hex.Format(v)} {AtrExplanation.Printable(v)}",
        0xF => $"AID {Hex.Format(v)}",
        _ => Hex.Format(v),
    };

    // §8.1.1.2.3 Table 117.
    private static string CardService(byte b)
    {
        var parts = new List<string>();
        if ((b & 0x80) != 0) parts.Add("selection by full DF name");
        if ((b & 0x40) != 0) parts.Add("selection by partial DF name");
        if ((b & 0x30) != 0) parts.Add("BER-TLV data objects in EF.DIR/EF.ATR");
        parts.Add(((b >> 1) & 7) switch
        {
            4 => "EF.DIR/EF.ATR read by READ BINARY",
            2 => "EF.DIR/EF.ATR read by GET DATA",
            0 => "EF.DIR/EF.ATR read by READ RECORD(S)",
            _ => "EF.DIR/EF.ATR access RFU",
        });
        parts.Add((b & 1) == 0 ? "card with MF" : "card without MF");
        return string.Join(", ", parts);
    }

    // §8.1.1.2.7 Tables 118-120: selection methods, data coding byte, command chaining / extended lengths / channels.
    private static string CardCapabilities(ReadOnlySpan<byte> v)
    {
        var parts = new List<string>();
        if (v.Length >= 1)
        {
            var s = v[0];
            var methods = new List<string>();
            if ((s & 0x80) != 0) methods.Add("full DF name");
            if ((s & 0x40) != 0) methods.Add("partial DF name");
            if ((s & 0x20) != 0) methods.Add("path");
            if ((s & 0x10) != 0) methods.Add("file identifier");
            if ((s & 0x08) != 0) methods.Add("implicit");
            parts.Add("selection by " + (methods.Count == 0 ? "none indicated" : string.Join("/", methods)));
            if ((s & 0x04) != 0) parts.Add("short EF identifiers");
            if ((s & 0x02) != 0) parts.Add("record numbers");
            if ((s & 0x01) != 0) parts.Add("record identifiers");
        }
        if (v.Length >= 2)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"data coding {v[1]:X2} (data unit {1 << (v[1] & 0x0F)} quartets{((v[1] & 0x80) != 0 ? ", TLV EFs" : "")})"));
        if (v.Length >= 3)
        {
            var c = v[2];
            if ((c & 0x80) != 0) parts.Add("command chaining");
            if ((c & 0x40) != 0) parts.Add("extended Lc and Le");
            var channels = (c & 0x07) + 1;
            parts.Add((c & 0x18) == 0 ? "no logical channels" : $"up to {(channels == 8 ? "8 or more" : channels.ToString(CultureInfo.InvariantCulture))} logical channels");
        }
        return string.Join(", ", parts);
    }

    // §7.4.10 Table 15: life cycle status byte.
    private static string LifeCycle(byte lcs) => lcs switch
    {
        0x00 => "no information",
        0x01 => "creation",
        0x03 => "initialisation",
        0x05 or 0x07 => "operational (activated)",
        0x04 or 0x06 => "operational (deactivated)",
        >= 0x0C and <= 0x0F => "termination",
        _ => $"{lcs:X2} (proprietary)",
    };
}
