using System.Text.Json.Serialization;
using CardKit.Iso7816;

namespace CardKit.Scripting;

/// <summary>
/// What one script step did: for an APDU the exchange and, when the script expects something, whether
/// the response matched. `cardkit script --json` prints one per line: {line, step, command, data, sw,
/// meaning, expected, matched}, the fields that do not apply left out (a reset has only line and step).
/// </summary>
/// <param name="Line">The script line of the step.</param>
/// <param name="Step">What the step was.</param>
/// <param name="Command">The command in hex, PINs masked (APDU steps).</param>
/// <param name="Data">The response data in hex (APDU steps).</param>
/// <param name="Sw">The status word (APDU steps).</param>
/// <param name="Meaning">What the status word means for this command (APDU steps).</param>
/// <param name="Expected">The expectation as written after '=', when there is one.</param>
/// <param name="Matched">Whether the response met it, when there is one.</param>
public sealed record ScriptStepResult(
    int Line,
    ScriptStepKind Step,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Command,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sw,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Meaning,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Expected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Matched)
{
    /// <summary>The expectation of the step (what <see cref="Expected"/> is the text of), or null.</summary>
    [JsonIgnore]
    public ResponsePattern? ExpectedPattern { get; init; }

    /// <summary>The exchange of an APDU step; null for reset and exit.</summary>
    [JsonIgnore]
    public ApduExchange? Exchange { get; init; }

    /// <summary>The whole response (data and status word) of an APDU step; null for reset and exit.</summary>
    [JsonIgnore]
    public ResponseApdu? Response { get; init; }

    /// <summary>The card's ATR after a reset step; null otherwise.</summary>
    [JsonIgnore]
    public string? Atr { get; init; }

    /// <summary>True when the step had an expectation the response did not meet.</summary>
    [JsonIgnore]
    public bool Failed => Matched == false;
}
