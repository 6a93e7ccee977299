using System.Text.Json.Serialization;

namespace CardKit.Iso7816;

/// <summary>A response APDU decoded for a trace or a capture (the `response` object): hex, SW1SW2 and its meaning.</summary>
public sealed record ResponseSummary
{
    /// <summary>Data and status word in hex without spaces.</summary>
    public required string Hex { get; init; }

    /// <summary>SW1SW2 as four hex digits ("9000"), or null when the response is shorter than two bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sw { get; init; }

    /// <summary>What the status word means for the command (<see cref="StatusWords.Describe(ReadOnlySpan{byte}, StatusWord)"/>: table from the class, instruction-dependent codes).</summary>
    public required string Meaning { get; init; }

    /// <summary>Decodes <paramref name="response"/> to <paramref name="command"/> (whose class picks the status word table).</summary>
    public static ResponseSummary Of(ReadOnlySpan<byte> response, ReadOnlySpan<byte> command)
    {
        if (response.Length < 2)
            return new ResponseSummary { Hex = CardKit.Hex.Format(response, '\0'), Meaning = "response shorter than a status word" };
        var sw = new StatusWord(response[^2], response[^1]);
        return new ResponseSummary
        {
            Hex = CardKit.Hex.Format(response, '\0'),
            Sw = CardKit.Hex.Format(response[^2..], '\0'),
            Meaning = StatusWords.Describe(command, sw),
        };
    }
}
