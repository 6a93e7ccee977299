using System.Text.Json.Serialization;

namespace CardKit.Iso7816;

/// <summary>
/// One command and the card's answer as a person or a program reads them: the command in hex
/// (PINs masked), the response data, the status word and its meaning in the table the command
/// picks. The result of `cardkit send --json` (an array of these): {command, data, sw, meaning}.
/// </summary>
/// <param name="Command">The command in spaced hex, secrets of VERIFY/CHANGE/UNBLOCK replaced by "**".</param>
/// <param name="Data">The response data in spaced hex ("" when none).</param>
/// <param name="Sw">The status word, "90 00".</param>
/// <param name="Meaning">What the status word means for this command.</param>
public sealed record ApduExchange(string Command, string Data, string Sw, string Meaning)
{
    /// <summary>Normal, warning or error, judged for this command (<see cref="StatusWords.Classify(ReadOnlySpan{byte}, StatusWord)"/>).</summary>
    [JsonIgnore]
    public StatusWordOutcome Outcome { get; init; }

    /// <summary>The exchange of <paramref name="command"/> and <paramref name="response"/>.</summary>
    public static ApduExchange Of(ReadOnlySpan<byte> command, ResponseApdu response, bool showSecrets = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var sw = response.StatusWord;
        return new ApduExchange(TextTraceObserver.FormatCommand(command, showSecrets), Hex.Format(response.Data), sw.ToString(), StatusWords.Describe(command, sw))
        {
            Outcome = StatusWords.Classify(command, sw),
        };
    }

    /// <summary>The response as one line: "data SW: meaning" ("90 00: success" without data).</summary>
    public string FormatResponse() => Data.Length == 0 ? $"{Sw}: {Meaning}" : $"{Data} {Sw}: {Meaning}";
}
