using System.Text.Json.Serialization;

namespace CardKit.Iso7816;

/// <summary>
/// A command APDU decoded for a trace or a capture (the `apdu` object of `cardkit spy --format
/// json` and of `--trace` JSON): hex (PIN data masked as "**"), case, CLA, INS, the command's
/// name, the class and P1-P2 meanings, Lc/Le and the length form (ISO/IEC 7816-3:2006 §12.1.3,
/// ISO/IEC 7816-4:2020 §5.1-§5.4).
/// </summary>
public sealed record CommandSummary
{
    /// <summary>The command in hex without spaces; the data of VERIFY/CHANGE/UNBLOCK as "**" per byte unless secrets are shown.</summary>
    public required string Hex { get; init; }

    /// <summary>1-4 (ISO/IEC 7816-3:2006 §12.1.2), 0 (left out of the JSON) when the length fields do not parse.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Case { get; init; }

    /// <summary>The class byte.</summary>
    public int Cla { get; init; }

    /// <summary>The instruction byte.</summary>
    public int Ins { get; init; }

    /// <summary>The command's name (SELECT, READ BINARY, ...).</summary>
    public required string Name { get; init; }

    /// <summary>What CLA says: interindustry or proprietary, chaining, secure messaging, logical channel.</summary>
    [JsonPropertyName("class")]
    public required string ClassMeaning { get; init; }

    /// <summary>What P1-P2 (and the data, for SELECT) mean, empty when the command has no table.</summary>
    public required string P1p2 { get; init; }

    /// <summary>Nc, the data length; 0 (left out of the JSON) without data.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Lc { get; init; }

    /// <summary>Ne, the expected response length (256 for short Le 00, 65536 for extended 0000); 0 (left out) without Le.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Le { get; init; }

    /// <summary>True when Lc/Le use the extended form.</summary>
    public bool Extended { get; init; }

    /// <summary>Why the length fields do not parse, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The frame whose 61xx/6Cxx this command follows up (GET RESPONSE, or the command resent with the right Le); 0 (left out) when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Continues { get; init; }

    /// <summary>Decodes <paramref name="command"/>; never throws (a malformed APDU gets <see cref="Error"/>).</summary>
    public static CommandSummary Of(ReadOnlySpan<byte> command, bool showSecrets = false, AidTable? aids = null, long? continues = null)
    {
        var description = ApduDecoder.Describe(command, aids);
        int apduCase = 0, lc = 0, le = 0;
        var extended = false;
        string? error = null;
        if (command.Length >= 4)
        {
            try
            {
                var parsed = CommandApdu.Parse(command);
                apduCase = (int)parsed.Case;
                lc = parsed.Data.Length;
                le = parsed.Ne;
                extended = parsed.IsExtended;
            }
            catch (CardKitFormatException e)
            {
                error = e.Message;
            }
        }
        else
        {
            error = description.Class;
        }
        return new CommandSummary
        {
            Hex = MaskedHex(command, showSecrets),
            Case = apduCase,
            Cla = command.Length > 0 ? command[0] : 0,
            Ins = command.Length > 1 ? command[1] : 0,
            Name = description.Name,
            ClassMeaning = command.Length >= 4 ? description.Class : "",
            P1p2 = description.Parameters,
            Lc = lc,
            Le = le,
            Extended = extended,
            Error = error,
            Continues = continues ?? 0,
        };
    }

    /// <summary>Compact hex with the data field of a PIN-carrying command (see <see cref="ApduDecoder.CarriesSecret"/>) as "**" per byte.</summary>
    public static string MaskedHex(ReadOnlySpan<byte> command, bool showSecrets)
    {
        if (showSecrets || !ApduDecoder.CarriesSecret(command))
            return CardKit.Hex.Format(command, '\0');
        var header = command[4] == 0 && command.Length > 7 ? 7 : 5;
        var length = header == 7 ? command[5] << 8 | command[6] : command[4];
        var end = Math.Min(command.Length, header + length);
        return string.Concat(CardKit.Hex.Format(command[..header], '\0'), string.Concat(Enumerable.Repeat("**", end - header)),
            CardKit.Hex.Format(command[end..], '\0'));
    }
}
