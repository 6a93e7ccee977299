using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>
/// One line of an ATR explanation: where, which bytes, which field, what it means. In JSON:
/// {offset, bytes, field, meaning, depth}.
/// </summary>
/// <param name="Offset">Offset of the first byte in the ATR.</param>
/// <param name="Bytes">The bytes in spaced hex ("" for an absent TCK).</param>
/// <param name="Field">The field name: "TS", "TA1", "Historical bytes", a COMPACT-TLV object...</param>
/// <param name="Meaning">What the value means, for a person.</param>
/// <param name="Depth">Nesting: 0 for the ATR's own fields, 1 and more inside the historical bytes.</param>
public sealed record AtrLine(int Offset, string Bytes, string Field, string Meaning, int Depth = 0)
{
    /// <summary>
    /// The part of <see cref="Meaning"/> that is the card's data rather than words (a card's name, the
    /// historical bytes as text): the same in every language. Null when there is none; not in the JSON.
    /// </summary>
    [JsonIgnore]
    public Range? Data { get; init; }
}
