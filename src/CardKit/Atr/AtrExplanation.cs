using System.Globalization;
using System.Text;

namespace CardKit.Atr;

/// <summary>
/// Turns a parsed ATR into lines a person reads (like parseATR, but every byte, historical bytes and
/// PC/SC part 3 included). Pure: the CLI renders the lines as text or JSON, the web service as HTML.
/// </summary>
public static class AtrExplanation
{
    /// <summary>One line per field of <paramref name="atr"/>, in byte order, nested fields one <see cref="AtrLine.Depth"/> deeper.</summary>
    public static List<AtrLine> Explain(AnswerToReset atr)
    {
        ArgumentNullException.ThrowIfNull(atr);
        var lines = new List<AtrLine>
        {
            new(0, $"{atr.Ts:X2}", "TS", atr.Ts switch
            {
                0x3B => "direct convention",
                0x3F => "inverse convention",
                _ => "invalid initial character",
            }),
        };
        if (atr.T0 is not { } t0)
            return lines;
        lines.Add(new(1, $"{t0:X2}", "T0", $"Y1={t0 >> 4:X}: {Presence(t0 >> 4, 1)}; K={t0 & 0x0F} historical byte(s)"));
        foreach (var b in atr.InterfaceBytes)
            lines.Add(new(b.Offset, $"{b.Value:X2}", b.Name, Describe(b)));
        if (atr.HistoricalLength > 0)
        {
            lines.Add(new(atr.HistoricalOffset, Hex.Format(atr.HistoricalBytes), "Historical bytes", Printable(atr.HistoricalBytes)));
            lines.AddRange(HistoricalBytes.Explain(atr.HistoricalBytes, atr.HistoricalOffset));
        }
        if (atr.Tck is { } tck)
        {
            var ok = !atr.Defects.Any(d => d.Kind == AtrDefectKind.TckWrong);
            lines.Add(new(atr.TckOffset, $"{tck:X2}", "TCK", ok ? "check byte, correct" : $"check byte, WRONG (expected {AtrParser.Xor(atr.Bytes, 1, atr.TckOffset):X2})"));
        }
        else if (!atr.TckRequired)
        {
            lines.Add(new(atr.Bytes.Length, "", "TCK", "absent (correct: only T=0 is indicated)"));
        }
        return lines;
    }

    private static string Presence(int y, int i)
    {
        var present = new List<string>();
        for (var bit = 0; bit < 4; bit++)
        {
            if ((y & (1 << bit)) != 0)
                present.Add($"T{(char)('A' + bit)}{i}");
        }
        return present.Count == 0 ? "no interface bytes follow" : string.Join(", ", present) + " present";
    }

    // ISO/IEC 7816-3:2006 §8.3 (global), §10.2 (T=0), §11.4 (T=1), §8.3 and ETSI TS 102 221 §6.5 (T=15).
    private static string Describe(InterfaceByte b)
    {
        var v = b.Value;
        switch (b.Letter, b.Index)
        {
            case ('D', _):
                var t = v & 0x0F;
                var next = Presence(v >> 4, b.Index + 1);
                var meaning = t switch
                {
                    0 => "T=0 (half-duplex characters)",
                    1 => "T=1 (half-duplex blocks)",
                    15 => "T=15 (global interface bytes follow)",
                    14 => "T=14 (proprietary)",
                    _ => $"T={t} (RFU)",
                };
                return $"{meaning}; Y{b.Index + 1}={v >> 4:X}: {next}";
            case ('A', 1):
                return AtrTables.DescribeTa1(v);
            case ('B', 1):
                return v == 0 ? "VPP not connected (TB1 is deprecated since ISO/IEC 7816-3:2006)"
                    : string.Create(CultureInfo.InvariantCulture, $"deprecated programming voltage: PI1={v & 0x1F}, II={(v >> 5) & 3}");
            case ('C', 1):
                return v == 255
                    ? "N=255: minimum guard time (12 ETU under T=0, 11 ETU under T=1)"
                    : $"extra guard time N={v} ETU";
            case ('A', 2):
                return $"specific mode, protocol T={v & 0x0F}; {((v & 0x80) != 0 ? "cannot change to negotiable mode" : "can change to negotiable mode")}; " +
                       ((v & 0x10) != 0 ? "parameters defined implicitly (not by TA1)" : "Fi/Di as in TA1");
            case ('B', 2):
                return $"deprecated programming voltage PI2={v}";
            case ('C', 2):
                return $"T=0 waiting time integer WI={v} (work waiting time = 960 x D x {v} ETU)";
        }
        return (b.Protocol, b.Letter) switch
        {
            (1, 'A') => v is 0 or 255 ? $"T=1 IFSC {v} (RFU)" : $"T=1 IFSC {v} bytes (maximum information field the card accepts)",
            (1, 'B') => $"T=1 BWI={v >> 4}, CWI={v & 0x0F} (block waiting 11 + 2^{v >> 4} x 960 x 372/f s, character waiting 11 + 2^{v & 0x0F} ETU)",
            (1, 'C') => (v & 1) == 0 ? "T=1 error detection: LRC" : "T=1 error detection: CRC",
            (15, 'A') => $"{AtrTables.ClockStop(v)}; supply class {AtrTables.SupplyClasses(v)}",
            (15, 'B') => v == 0 ? "SPU: contact C6 not used" : (v & 0x80) != 0 ? $"SPU: proprietary use of contact C6 ({v:X2})" : $"SPU: standard use of contact C6 ({v:X2})",
            (var p, _) => $"T={p} specific",
        };
    }

    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return $"\"{text}\"";
    }
}
