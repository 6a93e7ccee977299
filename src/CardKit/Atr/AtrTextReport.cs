namespace CardKit.Atr;

/// <summary>
/// Renders an <see cref="AtrReport"/> as the text `cardkit atr` prints: the ATR, one line per field
/// (bytes, then the field and its meaning, indented by depth), notes, defects, then the cards the
/// list names or, for an ATR the list does not know, the submission link.
/// </summary>
public static class AtrTextReport
{
    private const int MaxBytesWidth = 24;

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, AtrReport report, AtrTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        options ??= new AtrTextOptions();
        var indent = options.Indent;
        var (red, bold, reset) = options.Color ? ("\u001b[31m", "\u001b[1m", "\u001b[0m") : ("", "", "");
        writer.WriteLine($"{indent}{bold}ATR: {report.Atr}{reset}");
        if (report.Bytes is { Count: > 0 } lines)
        {
            var width = Math.Min(MaxBytesWidth, lines.Max(l => l.Bytes.Length));
            foreach (var line in lines)
            {
                var pad = new string(' ', line.Depth * 2);
                var bytes = line.Bytes.Length > width ? line.Bytes[..(width - 3)] + "..." : line.Bytes;
                writer.WriteLine($"{indent}  {bytes.PadRight(width)}  {pad}{line.Field}: {line.Meaning}");
            }
        }
        var errors = report.Defects.Where(d => d.IsError).ToList();
        foreach (var note in report.Defects.Where(d => !d.IsError))
            writer.WriteLine($"{indent}  note: {note.Message}");
        if (errors.Count > 0)
        {
            writer.WriteLine($"{indent}{red}{bold}Defects ({errors.Count}):{reset}");
            foreach (var d in errors)
                writer.WriteLine($"{indent}  {red}! byte {d.Offset}: {d.Message}{reset}");
        }
        if (report.Matches is not { } matches)
            return;
        if (matches.Count == 0)
        {
            var link = AtrSubmission.Link(Hex.Parse(report.Atr), options.SubmitBaseUrl);
            writer.WriteLine($"{indent}Not in {options.ListSource ?? "the ATR list"}. Please submit it: {link}");
            return;
        }
        writer.WriteLine($"{indent}{bold}Possibly identified card{(matches.Count > 1 ? "s" : "")}{reset} ({options.ListSource}):");
        foreach (var m in matches)
        {
            writer.WriteLine($"{indent}  {m.Pattern}");
            foreach (var d in m.Descriptions)
                writer.WriteLine($"{indent}    {d}");
        }
    }
}
