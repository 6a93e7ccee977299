using System.Text.Json.Serialization;

namespace CardKit.Capture;

/// <summary>An ATR seen in a capture, decoded by CardKit's ATR parser and identified from smartcard_list.txt when a list was given.</summary>
public sealed record SpyAtr
{
    /// <summary>The ATR in hex without spaces.</summary>
    public required string Hex { get; init; }

    /// <summary>True when the ATR has no defect.</summary>
    public bool Valid { get; init; }

    /// <summary>The protocols it offers (0 for T=0, 1 for T=1, 15 ...).</summary>
    public required IReadOnlyList<int> Protocols { get; init; }

    /// <summary>Its defects (wrong TCK, truncated, ...).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Defects { get; init; }

    /// <summary>The descriptions of the matching smartcard_list.txt entries.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Cards { get; init; }
}
