using System.Text.Json.Serialization;
using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// One line of a JSON trace (`--trace` with `--json`): an exchange with the same `apdu` and
/// `response` objects `cardkit spy --format json` prints, a reset with its ATR, or an error.
/// </summary>
public sealed record TraceEvent
{
    /// <summary>When it happened, ISO 8601 UTC with microseconds.</summary>
    public required string Time { get; init; }

    /// <summary>The reader name.</summary>
    public required string Reader { get; init; }

    /// <summary>"connect" (the card at the start), "exchange", "reset" or "error".</summary>
    public required string Message { get; init; }

    /// <summary>Milliseconds the exchange took.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ElapsedMs { get; init; }

    /// <summary>The command.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommandSummary? Apdu { get; init; }

    /// <summary>The response.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResponseSummary? Response { get; init; }

    /// <summary>The ATR at the start or after a reset, hex.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Atr { get; init; }

    /// <summary>What failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
