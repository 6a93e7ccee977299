using System.Text.Json;
using CardKit.Atr;

namespace CardKit.Cli.Commands.Atr;

/// <summary>
/// Renders a decoded ATR and its list matches as text or JSON; `atr`, `atr --batch` and `scan`
/// share it. The JSON shape is stable (documented in README): atr, valid, convention, protocols,
/// bytes[] {offset, bytes, field, meaning, depth}, defects[] {kind, offset, message, expected},
/// matches[] {pattern, descriptions[]}.
/// </summary>
internal static class AtrReport
{
    /// <summary>Where unknown ATRs can be submitted; a self-hosted service overrides it with CARDKIT_ATR_SUBMIT_URL.</summary>
    public const string DefaultSubmitUrl = "https://smartcard-atr.apdu.fr/parse?ATR=";

    public static string SubmitUrl(AnswerToReset atr) =>
        (Environment.GetEnvironmentVariable("CARDKIT_ATR_SUBMIT_URL") is { Length: > 0 } url ? url : DefaultSubmitUrl) + Hex.Format(atr.Bytes, '\0');

    public static void WriteText(TextWriter w, AnswerToReset atr, IReadOnlyList<AtrListEntry>? matches, string? listSource, bool color, string indent = "")
    {
        var (red, bold, reset) = color ? ("\u001b[31m", "\u001b[1m", "\u001b[0m") : ("", "", "");
        w.WriteLine($"{indent}{bold}ATR: {atr}{reset}");
        var lines = AtrExplanation.Explain(atr);
        var width = Math.Min(24, lines.Max(l => l.Bytes.Length));
        foreach (var line in lines)
        {
            var pad = new string(' ', line.Depth * 2);
            var bytes = line.Bytes.Length > width ? line.Bytes[..(width - 3)] + "..." : line.Bytes;
            w.WriteLine($"{indent}  {bytes.PadRight(width)}  {pad}{line.Field}: {line.Meaning}");
        }
        var errors = atr.Defects.Where(d => d.IsError).ToList();
        foreach (var note in atr.Defects.Where(d => !d.IsError))
            w.WriteLine($"{indent}  note: {note.Message}");
        if (errors.Count > 0)
        {
            w.WriteLine($"{indent}{red}{bold}Defects ({errors.Count}):{reset}");
            foreach (var d in errors)
                w.WriteLine($"{indent}  {red}! byte {d.Offset}: {d.Message}{reset}");
        }
        if (matches is null)
            return;
        if (matches.Count == 0)
        {
            w.WriteLine($"{indent}Not in {listSource ?? "the ATR list"}. Please submit it: {SubmitUrl(atr)}");
            return;
        }
        w.WriteLine($"{indent}{bold}Possibly identified card{(matches.Count > 1 ? "s" : "")}{reset} ({listSource}):");
        foreach (var m in matches)
        {
            w.WriteLine($"{indent}  {m.Pattern}");
            foreach (var d in m.Descriptions)
                w.WriteLine($"{indent}    {d}");
        }
    }

    public static void WriteJson(Utf8JsonWriter w, AnswerToReset atr, IReadOnlyList<AtrListEntry>? matches, bool explain = true)
    {
        w.WriteStartObject();
        w.WriteString("atr", atr.ToString());
        w.WriteBoolean("valid", atr.IsValid);
        w.WriteString("convention", atr.Convention == AtrConvention.Direct ? "direct" : "inverse");
        w.WriteStartArray("protocols");
        foreach (var p in atr.Protocols)
            w.WriteNumberValue(p);
        w.WriteEndArray();
        if (explain)
        {
            w.WriteStartArray("bytes");
            foreach (var l in AtrExplanation.Explain(atr))
            {
                w.WriteStartObject();
                w.WriteNumber("offset", l.Offset);
                w.WriteString("bytes", l.Bytes);
                w.WriteString("field", l.Field);
                w.WriteString("meaning", l.Meaning);
                w.WriteNumber("depth", l.Depth);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("defects");
        foreach (var d in atr.Defects)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind.ToString());
            w.WriteNumber("offset", d.Offset);
            w.WriteString("message", d.Message);
            if (d.Expected is { } e)
                w.WriteString("expected", $"{e:X2}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (matches is not null)
        {
            w.WriteStartArray("matches");
            foreach (var m in matches)
            {
                w.WriteStartObject();
                w.WriteString("pattern", m.Pattern);
                w.WriteStartArray("descriptions");
                foreach (var d in m.Descriptions)
                    w.WriteStringValue(d);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The list from --list, else the first of the search path; null (with the reason) when there is none.</summary>
    public static SmartcardList? LoadList(string? path, CliOutput output) =>
        ListPath(path, output) is { } found ? SmartcardList.Load(found) : null;

    /// <summary>The --list file (which must exist), else the first of the search path; null, said on stderr, when there is none.</summary>
    public static string? ListPath(string? path, CliOutput output)
    {
        if (path is not null)
            return File.Exists(path) ? path : throw CliException.Usage($"ATR list '{path}' not found");
        if (SmartcardList.FindDefault() is { } found)
            return found;
        output.Error.WriteLine($"cardkit: no smartcard_list.txt in {string.Join(", ", SmartcardList.SearchPath())}; install pcsc-tools or give --list. Decoding only.");
        return null;
    }
}
