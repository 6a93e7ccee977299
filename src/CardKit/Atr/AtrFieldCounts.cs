namespace CardKit.Atr;

/// <summary>One field in an <see cref="AtrStatisticsReport"/>. In JSON: {absent, values: {value: count}}, most frequent value first.</summary>
/// <param name="Absent">How many ATRs lack the field.</param>
/// <param name="Values">Each value with its count, most frequent first (insertion order).</param>
public sealed record AtrFieldCounts(int Absent, IReadOnlyDictionary<string, int> Values)
{
    /// <summary>The counts of <paramref name="distribution"/>.</summary>
    public static AtrFieldCounts From(FieldDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var values = new Dictionary<string, int>(distribution.Values.Count, StringComparer.Ordinal);
        foreach (var (value, count) in distribution.Values)
            values.Add(value, count);
        return new AtrFieldCounts(distribution.Absent, values);
    }
}
