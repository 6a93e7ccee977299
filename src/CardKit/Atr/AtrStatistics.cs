using System.Globalization;
using System.Text;

namespace CardKit.Atr;

/// <summary>
/// Statistics over a corpus of ATRs: per interface byte (TS, T0, TA1..TD3, TCK) value
/// distributions, the IFSC (TA for T=1), supply classes (TA for T=15) and the protocol mix.
/// </summary>
public sealed class AtrStatistics
{
    /// <summary>The fields counted, in report order.</summary>
    public static readonly string[] Fields = ["TS", "T0", "TA1", "TB1", "TC1", "TD1", "TA2", "TB2", "TC2", "TD2", "TA3", "TB3", "TC3", "TD3", "TCK", "IFSC", "Classes", "Protocols"];

    private readonly Dictionary<string, Dictionary<string, int>> _counts = Fields.ToDictionary(f => f, _ => new Dictionary<string, int>());

    /// <summary>How many ATRs were added.</summary>
    public int Count { get; private set; }

    /// <summary>How many of them have defects.</summary>
    public int Defective { get; private set; }

    /// <summary>Statistics over every ATR of <paramref name="corpus"/> (see <see cref="AtrCorpus"/>).</summary>
    public static AtrStatistics Of(IEnumerable<AnswerToReset> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var statistics = new AtrStatistics();
        foreach (var atr in corpus)
            statistics.Add(atr);
        return statistics;
    }

    /// <summary>Counts one more ATR.</summary>
    public void Add(AnswerToReset atr)
    {
        ArgumentNullException.ThrowIfNull(atr);
        Count++;
        if (!atr.IsValid)
            Defective++;
        Bump("TS", $"{atr.Ts:X2}");
        if (atr.T0 is { } t0)
            Bump("T0", $"{t0:X2}");
        foreach (var b in atr.InterfaceBytes)
        {
            if (b.Index <= 3)
                Bump(b.Name, $"{b.Value:X2}");
            if (b.Letter == 'A' && b.Protocol == 1)
                Bump("IFSC", b.Value.ToString(CultureInfo.InvariantCulture));
            if (b.Letter == 'A' && b.Protocol == 15)
                Bump("Classes", AtrTables.SupplyClasses(b.Value));
        }
        if (atr.Tck is { } tck)
            Bump("TCK", $"{tck:X2}");
        Bump("Protocols", "T=" + string.Join(",", atr.Protocols));
    }

    private void Bump(string field, string value) =>
        _counts[field][value] = _counts[field].GetValueOrDefault(value) + 1;

    /// <summary>The distribution of <paramref name="field"/>, most frequent first; absent = ATRs without the field.</summary>
    public FieldDistribution Distribution(string field)
    {
        if (!_counts.TryGetValue(field, out var counts))
            throw new ArgumentException($"unknown field '{field}': use one of {string.Join(", ", Fields)}", nameof(field));
        var present = counts.Values.Sum();
        // IFSC, classes and TA/TB/TC bytes per ATR: at most one value each, so "absent" is the rest.
        var values = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
        return new FieldDistribution(field, Count, Math.Max(0, Count - present), values);
    }

    /// <summary>The counts and the distributions of <paramref name="fields"/> (default: all of <see cref="Fields"/>) as one record.</summary>
    public AtrStatisticsReport Report(IEnumerable<string>? fields = null)
    {
        var distributions = (fields ?? Fields).Select(Distribution).ToDictionary(d => d.Field, AtrFieldCounts.From);
        return new AtrStatisticsReport(Count, Defective)
        {
            TS = distributions.GetValueOrDefault("TS"),
            T0 = distributions.GetValueOrDefault("T0"),
            TA1 = distributions.GetValueOrDefault("TA1"),
            TB1 = distributions.GetValueOrDefault("TB1"),
            TC1 = distributions.GetValueOrDefault("TC1"),
            TD1 = distributions.GetValueOrDefault("TD1"),
            TA2 = distributions.GetValueOrDefault("TA2"),
            TB2 = distributions.GetValueOrDefault("TB2"),
            TC2 = distributions.GetValueOrDefault("TC2"),
            TD2 = distributions.GetValueOrDefault("TD2"),
            TA3 = distributions.GetValueOrDefault("TA3"),
            TB3 = distributions.GetValueOrDefault("TB3"),
            TC3 = distributions.GetValueOrDefault("TC3"),
            TD3 = distributions.GetValueOrDefault("TD3"),
            TCK = distributions.GetValueOrDefault("TCK"),
            IFSC = distributions.GetValueOrDefault("IFSC"),
            Classes = distributions.GetValueOrDefault("Classes"),
            Protocols = distributions.GetValueOrDefault("Protocols"),
        };
    }

    /// <summary>A hand-written SVG bar chart of one distribution (top <paramref name="top"/> values and "absent").</summary>
    public static string Svg(FieldDistribution distribution, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var bars = distribution.Values.Take(top).ToList();
        if (distribution.Absent > 0)
            bars.Add(("absent", distribution.Absent));
        const int barHeight = 20, gap = 4, labelWidth = 140, chartWidth = 480, top0 = 40;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var height = top0 + bars.Count * (barHeight + gap) + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + chartWidth + 120}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape(distribution.Field)} over {distribution.Total} ATRs</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (value, count) = bars[i];
            var y = top0 + i * (barHeight + gap);
            var width = (int)Math.Round((double)chartWidth * count / max);
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{Escape(value)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Math.Max(width, 1)}\" height=\"{barHeight}\" fill=\"{(value == "absent" ? "#aaaaaa" : "#3b6ea5")}\"><title>{Escape(value)}: {count}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{labelWidth + width + 6}\" y=\"{y + 14}\">{count} ({distribution.Percent(count):0.##}%)</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
