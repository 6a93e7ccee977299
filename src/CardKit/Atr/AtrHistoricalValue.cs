using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>The historical bytes in parse2json: the byte values and one description per decoded item.</summary>
/// <param name="Value">The historical bytes present.</param>
/// <param name="Description">Each decoded item as "field: meaning" (ISO/IEC 7816-4 §8.1.1, PC/SC part 3).</param>
public sealed record AtrHistoricalValue(
    [property: JsonPropertyName("value")] IReadOnlyList<int> Value,
    [property: JsonPropertyName("description")] IReadOnlyList<string> Description);
