using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>
/// A decoded ATR with its explanation, defects and list matches: the result `cardkit atr --json`,
/// `atr --batch` and `scan --json` print and the web service returns. The JSON shape is a public
/// contract (README): atr, valid, convention, protocols, bytes[] {offset, bytes, field, meaning,
/// depth}, defects[] {kind, offset, message, expected}, matches[] {pattern, descriptions[]};
/// <c>bytes</c> is left out when not explained, <c>matches</c> when no list was consulted.
/// Serialise it with <see cref="CardKitJsonContext"/>.
/// </summary>
/// <param name="Atr">The ATR in spaced hex ("3B 8F 80 01 ...").</param>
/// <param name="Valid">True when the ATR has no defect but informational ones.</param>
/// <param name="Convention">The electrical convention TS announces.</param>
/// <param name="Protocols">The protocols T= announced, in order (T=0 when no TD1).</param>
/// <param name="Bytes">Every field explained, or null when not asked for (the batch form).</param>
/// <param name="Defects">What is wrong with the ATR, and informational notes.</param>
/// <param name="Matches">The list entries that match, or null when no list was consulted.</param>
public sealed record AtrReport(
    string Atr,
    bool Valid,
    AtrConvention Convention,
    IReadOnlyList<int> Protocols,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AtrLine>? Bytes,
    IReadOnlyList<AtrReportDefect> Defects,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AtrListEntry>? Matches)
{
    /// <summary>
    /// The report on <paramref name="atr"/>: explained byte by byte unless <paramref name="explain"/>
    /// is false, with <paramref name="matches"/> (null: no list was consulted; empty: not in the list).
    /// </summary>
    public static AtrReport Create(AnswerToReset atr, IReadOnlyList<AtrListEntry>? matches, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(atr);
        var defects = new AtrReportDefect[atr.Defects.Count];
        for (var i = 0; i < defects.Length; i++)
            defects[i] = AtrReportDefect.From(atr.Defects[i]);
        return new AtrReport(atr.ToString(), atr.IsValid, atr.Convention, atr.Protocols,
            explain ? AtrExplanation.Explain(atr) : null, defects, matches);
    }

    /// <summary>
    /// The report on <paramref name="atr"/> with its matches in <paramref name="list"/> (a list
    /// compiled once and shared); null <paramref name="list"/>: no identification.
    /// </summary>
    public static AtrReport Create(AnswerToReset atr, SmartcardList? list, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(atr);
        return Create(atr, list?.Match(atr.Bytes), explain);
    }
}
