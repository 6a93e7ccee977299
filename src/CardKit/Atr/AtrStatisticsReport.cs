using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>
/// The result of `cardkit atr stats --format json`: how many ATRs, how many defective, and per
/// field (those asked for; the others are null and left out of the JSON) the value counts.
/// In JSON: {atrs, defective, TS: {absent, values}, T0: ..., Protocols: ...}.
/// </summary>
/// <param name="Atrs">How many ATRs the corpus holds.</param>
/// <param name="Defective">How many of them have defects.</param>
public sealed record AtrStatisticsReport(int Atrs, int Defective)
{
    /// <summary>The initial character.</summary>
    [JsonPropertyName("TS"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TS { get; init; }

    /// <summary>The format byte.</summary>
    [JsonPropertyName("T0"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? T0 { get; init; }

    /// <summary>TA1 (Fi/Di).</summary>
    [JsonPropertyName("TA1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TA1 { get; init; }

    /// <summary>TB1.</summary>
    [JsonPropertyName("TB1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TB1 { get; init; }

    /// <summary>TC1 (extra guard time).</summary>
    [JsonPropertyName("TC1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TC1 { get; init; }

    /// <summary>TD1.</summary>
    [JsonPropertyName("TD1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TD1 { get; init; }

    /// <summary>TA2 (specific mode).</summary>
    [JsonPropertyName("TA2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TA2 { get; init; }

    /// <summary>TB2.</summary>
    [JsonPropertyName("TB2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TB2 { get; init; }

    /// <summary>TC2 (T=0 waiting time integer).</summary>
    [JsonPropertyName("TC2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TC2 { get; init; }

    /// <summary>TD2.</summary>
    [JsonPropertyName("TD2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TD2 { get; init; }

    /// <summary>TA3.</summary>
    [JsonPropertyName("TA3"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TA3 { get; init; }

    /// <summary>TB3.</summary>
    [JsonPropertyName("TB3"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TB3 { get; init; }

    /// <summary>TC3.</summary>
    [JsonPropertyName("TC3"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TC3 { get; init; }

    /// <summary>TD3.</summary>
    [JsonPropertyName("TD3"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TD3 { get; init; }

    /// <summary>The check byte.</summary>
    [JsonPropertyName("TCK"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? TCK { get; init; }

    /// <summary>The T=1 information field size of the card.</summary>
    [JsonPropertyName("IFSC"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? IFSC { get; init; }

    /// <summary>The supply classes (T=15 TA).</summary>
    [JsonPropertyName("Classes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? Classes { get; init; }

    /// <summary>The protocol mix.</summary>
    [JsonPropertyName("Protocols"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldCounts? Protocols { get; init; }
}
