using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>
/// One entry of smartcard_list.txt: the ATR pattern, its description lines, and the line it is on.
/// In JSON: {pattern, descriptions[]}.
/// </summary>
/// <param name="Pattern">The pattern as written in the list ('..' any byte, '.' any nibble, '[..]' a nibble class, '.*' any run).</param>
/// <param name="Descriptions">The description lines under the pattern, trimmed.</param>
/// <param name="Line">The 1-based line of the pattern in the list.</param>
public sealed record AtrListEntry(string Pattern, IReadOnlyList<string> Descriptions, [property: JsonIgnore] int Line);
