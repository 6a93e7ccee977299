using System.Globalization;
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

    /// <summary>Decodes <paramref name="response"/> to <paramref name="command"/> (whose class picks the status word table), in English.</summary>
    public static ResponseSummary Of(ReadOnlySpan<byte> response, ReadOnlySpan<byte> command) => Of(response, command, Iso7816Text.English);

    /// <summary><see cref="Of(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> with the meaning in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public static ResponseSummary Of(ReadOnlySpan<byte> response, ReadOnlySpan<byte> command, CultureInfo culture) => Of(response, command, Iso7816Text.For(culture));

    private static ResponseSummary Of(ReadOnlySpan<byte> response, ReadOnlySpan<byte> command, DecoderText text)
    {
        if (response.Length < 2)
            return new ResponseSummary { Hex = CardKit.Hex.Format(response, '\0'), Meaning = text["ResponseTooShort"] };
        var sw = new StatusWord(response[^2], response[^1]);
        return new ResponseSummary
        {
            Hex = CardKit.Hex.Format(response, '\0'),
            Sw = CardKit.Hex.Format(response[^2..], '\0'),
            Meaning = StatusWords.Describe(sw, text, StatusWords.ContextFor(command), command.Length >= 2 ? command[1] : null),
        };
    }
}
