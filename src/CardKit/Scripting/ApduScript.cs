namespace CardKit.Scripting;

/// <summary>
/// Parses scriptor-compatible APDU scripts (pcsc-tools scriptor): '#' comments, blank lines,
/// hex lines packed or spaced, '\' at the end of a line continues it, 'reset' and 'exit'. CardKit
/// adds an optional expectation after '=': `00 A4 04 00 07 A0 00 00 00 87 10 02 = 61 ..`, where
/// '..' is any byte, '.' any nibble and '*' any run of bytes; an expectation of only a status
/// word checks the status word.
/// </summary>
public static class ApduScript
{
    /// <exception cref="CardKitFormatException">A line is not hex or its expectation is malformed; <see cref="CardKitFormatException.Offset"/> is the 1-based line.</exception>
    public static List<ScriptStep> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var steps = new List<ScriptStep>();
        var pending = "";
        var pendingLine = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
                continue;
            if (pending.Length == 0)
                pendingLine = lineNumber;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var text = pending + line;
            pending = "";
            var step = ParseLine(text, pendingLine);
            if (step is not null)
                steps.Add(step);
        }
        if (pending.Length > 0)
            throw new CardKitFormatException($"line {pendingLine}: the script ends inside a '\\' continuation", pendingLine);
        return steps;
    }

    /// <summary>Parses the script in <paramref name="text"/>; see <see cref="Parse(TextReader)"/>.</summary>
    public static List<ScriptStep> Parse(string text) => Parse(new StringReader(text));

    private static ScriptStep? ParseLine(string text, int line)
    {
        var lower = text.ToLowerInvariant();
        // scriptor matches the words anywhere in the line; they cannot occur in hex.
        if (lower.Contains("reset", StringComparison.Ordinal))
            return new ScriptStep(ScriptStepKind.Reset, line, [], null);
        if (lower.Contains("exit", StringComparison.Ordinal))
            return new ScriptStep(ScriptStepKind.Exit, line, [], null);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
            text = text[..hash];
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var commandText = equals < 0 ? text : text[..equals];
        byte[] command;
        try
        {
            command = Hex.Parse(commandText);
        }
        catch (CardKitFormatException e)
        {
            throw new CardKitFormatException($"line {line}: {e.Reason}", line);
        }
        if (command.Length == 0)
            return null;
        if (command.Length < 4)
            throw new CardKitFormatException($"line {line}: a command APDU needs at least CLA INS P1 P2, got {command.Length} byte(s)", line);
        ResponsePattern? expected = null;
        if (equals >= 0)
        {
            if (!ResponsePattern.TryParse(text[(equals + 1)..], out expected, out var error))
                throw new CardKitFormatException($"line {line}: expected response: {error}", line);
        }
        return new ScriptStep(ScriptStepKind.Apdu, line, command, expected);
    }
}
