using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>One ATR byte and what it means, as the public smartcard-atr service's parse2json writes it.</summary>
/// <param name="Value">The byte value (0..255), or -1 for an absent TCK.</param>
/// <param name="Description">What the byte means.</param>
public sealed record AtrFieldValue(
    [property: JsonPropertyName("value")] int Value,
    [property: JsonPropertyName("description")] string Description);
