using System.Globalization;
using System.Text;

namespace CardKit.Atr;

/// <summary>
/// Turns a parsed ATR into lines a person reads (like parseATR, but every byte, historical bytes and
/// PC/SC part 3 included). Pure: the CLI renders the lines as text or JSON, the web service as HTML.
/// The lines are English unless a culture with a translation (French, Russian) is asked for.
/// </summary>
public static class AtrExplanation
{
    /// <summary>One line per field of <paramref name="atr"/>, in byte order, nested fields one <see cref="AtrLine.Depth"/> deeper; in English.</summary>
    public static List<AtrLine> Explain(AnswerToReset atr) => Explain(atr, AtrText.English);

    /// <summary>
    /// The lines of <see cref="Explain(AnswerToReset)"/> in the language of <paramref name="culture"/>
    /// (French, Russian; English otherwise). Field names that are the standard's symbols (TS, T0, TA1,
    /// TCK) and the values (numbers, hex) stay as they are.
    /// </summary>
    public static List<AtrLine> Explain(AnswerToReset atr, CultureInfo culture) => Explain(atr, AtrText.For(culture));

    private static List<AtrLine> Explain(AnswerToReset atr, DecoderText text)
    {
        ArgumentNullException.ThrowIfNull(atr);
        var lines = new List<AtrLine>
        {
            new(0, $"{atr.Ts:X2}", "TS", text[atr.Ts switch
            {
                0x3B => "TsDirect",
                0x3F => "TsInverse",
                _ => "TsInvalid",
            }]),
        };
        if (atr.T0 is not { } t0)
            return lines;
        lines.Add(new(1, $"{t0:X2}", "T0", text.Format("T0", t0 >> 4, Presence(text, t0 >> 4, 1), t0 & 0x0F)));
        foreach (var b in atr.InterfaceBytes)
            lines.Add(new(b.Offset, $"{b.Value:X2}", b.Name, Describe(text, b)));
        if (atr.HistoricalLength > 0)
        {
            var printable = Printable(atr.HistoricalBytes);
            lines.Add(new(atr.HistoricalOffset, Hex.Format(atr.HistoricalBytes), text["FieldHistoricalBytes"], printable) { Data = Range.All });
            lines.AddRange(HistoricalBytes.Explain(atr.HistoricalBytes, atr.HistoricalOffset, text));
        }
        if (atr.Tck is { } tck)
        {
            var ok = !atr.Defects.Any(d => d.Kind == AtrDefectKind.TckWrong);
            lines.Add(new(atr.TckOffset, $"{tck:X2}", "TCK", ok ? text["TckCorrect"] : text.Format("TckWrongLine", AtrParser.Xor(atr.Bytes, 1, atr.TckOffset))));
        }
        else if (!atr.TckRequired)
        {
            lines.Add(new(atr.Bytes.Length, "", "TCK", text["TckAbsent"]));
        }
        return lines;
    }

    private static string Presence(DecoderText text, int y, int i)
    {
        var present = new List<string>();
        for (var bit = 0; bit < 4; bit++)
        {
            if ((y & (1 << bit)) != 0)
                present.Add(string.Create(CultureInfo.InvariantCulture, $"T{(char)('A' + bit)}{i}"));
        }
        return present.Count == 0 ? text["PresenceNone"] : text.Format("PresenceList", string.Join(", ", present));
    }

    // ISO/IEC 7816-3:2006 §8.3 (global), §10.2 (T=0), §11.4 (T=1), §8.3 and ETSI TS 102 221 §6.5 (T=15).
    private static string Describe(DecoderText text, InterfaceByte b)
    {
        var v = b.Value;
        switch (b.Letter, b.Index)
        {
            case ('D', _):
                var t = v & 0x0F;
                var meaning = t switch
                {
                    0 => text["ProtocolT0"],
                    1 => text["ProtocolT1"],
                    15 => text["ProtocolT15"],
                    14 => text["ProtocolT14"],
                    _ => text.Format("ProtocolRfu", t),
                };
                return text.Format("Td", meaning, b.Index + 1, v >> 4, Presence(text, v >> 4, b.Index + 1));
            case ('A', 1):
                return AtrTables.DescribeTa1(v, text);
            case ('B', 1):
                return v == 0 ? text["Tb1NotConnected"] : text.Format("Tb1Voltage", v & 0x1F, (v >> 5) & 3);
            case ('C', 1):
                return v == 255 ? text["Tc1Minimum"] : text.Format("Tc1Extra", v);
            case ('A', 2):
                return text.Format("Ta2", v & 0x0F, text[(v & 0x80) != 0 ? "Ta2CannotChange" : "Ta2CanChange"], text[(v & 0x10) != 0 ? "Ta2Implicit" : "Ta2FiDi"]);
            case ('B', 2):
                return text.Format("Tb2Voltage", v);
            case ('C', 2):
                return text.Format("Tc2Waiting", v);
        }
        return (b.Protocol, b.Letter) switch
        {
            (1, 'A') => text.Format(v is 0 or 255 ? "T1IfscRfu" : "T1Ifsc", v),
            (1, 'B') => text.Format("T1Waiting", v >> 4, v & 0x0F),
            (1, 'C') => text[(v & 1) == 0 ? "T1Lrc" : "T1Crc"],
            (15, 'A') => text.Format("T15Ta", AtrTables.ClockStop(v, text), AtrTables.SupplyClasses(v, text)),
            (15, 'B') => v == 0 ? text["SpuNotUsed"] : text.Format((v & 0x80) != 0 ? "SpuProprietary" : "SpuStandard", v),
            (var p, _) => text.Format("ProtocolSpecific", p),
        };
    }

    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 2);
        text.Append('"');
        foreach (var b in bytes)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return text.Append('"').ToString();
    }
}
