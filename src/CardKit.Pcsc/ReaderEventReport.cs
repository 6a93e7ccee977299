using System.Globalization;
using System.Text.Json.Serialization;
using CardKit.Atr;

namespace CardKit.Pcsc;

/// <summary>
/// One reader or card event as `cardkit scan --json` prints it (one per line): {time, event, reader,
/// atr, analysis}, reader, atr and analysis only when they apply.
/// </summary>
/// <param name="Time">When, ISO 8601 with the local offset ("O" format).</param>
/// <param name="Event">What happened.</param>
/// <param name="Reader">The reader (null for service events).</param>
/// <param name="Atr">The ATR of an inserted card.</param>
/// <param name="Analysis">The ATR decoded and identified, when asked for.</param>
public sealed record ReaderEventReport(
    string Time,
    ReaderEventKind Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reader,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Atr,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AtrReport? Analysis)
{
    /// <summary>
    /// The report of <paramref name="e"/>; <paramref name="atr"/> is its ATR parsed (null when there is
    /// none), <paramref name="analysis"/> the ATR report when the host decodes ATRs.
    /// </summary>
    public static ReaderEventReport Of(ReaderEvent e, AnswerToReset? atr, AtrReport? analysis)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ReaderEventReport(e.Time.ToString("O", CultureInfo.InvariantCulture), e.Kind, e.ReaderName, atr?.ToString(), atr is null ? null : analysis);
    }
}
