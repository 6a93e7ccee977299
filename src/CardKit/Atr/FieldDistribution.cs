namespace CardKit.Atr;

/// <summary>How often each value of one ATR field occurs in a corpus (absent counted as its own bucket).</summary>
/// <param name="Field">The field, one of <see cref="AtrStatistics.Fields"/>.</param>
/// <param name="Total">How many ATRs the corpus holds.</param>
/// <param name="Absent">How many ATRs lack the field.</param>
/// <param name="Values">Each value with its count, most frequent first.</param>
public sealed record FieldDistribution(string Field, int Total, int Absent, IReadOnlyList<(string Value, int Count)> Values)
{
    /// <summary><paramref name="count"/> as a percentage of <see cref="Total"/>.</summary>
    public double Percent(int count) => Total == 0 ? 0 : 100.0 * count / Total;
}
