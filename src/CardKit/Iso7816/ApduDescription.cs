namespace CardKit.Iso7816;

/// <summary>What a command APDU is: the command name from INS, what the class byte says, and a short parameter explanation.</summary>
/// <param name="Name">The command's name (SELECT, READ BINARY, ...): the standard's, in every language.</param>
/// <param name="Class">What the class byte says.</param>
/// <param name="Parameters">What P1-P2 (and the data, for SELECT) mean; empty when the command has no table.</param>
public sealed record ApduDescription(string Name, string Class, string Parameters)
{
    /// <summary>
    /// Where <see cref="Parameters"/> holds data rather than words: the application's name from the
    /// AID table after a SELECT by DF name (the same in every language); null when all of it is words.
    /// </summary>
    public Range? Data { get; init; }

    /// <summary>"SELECT (by DF name) [ISO, channel 0]".</summary>
    public override string ToString() => ToText().Text;

    /// <summary>The <see cref="ToString"/> text and where <see cref="Data"/> stands in it (null when <see cref="Data"/> is).</summary>
    public (string Text, Range? Data) ToText()
    {
        if (Parameters.Length == 0)
            return ($"{Name} [{Class}]", null);
        var text = $"{Name} ({Parameters}) [{Class}]";
        if (Data is not { } data)
            return (text, null);
        var (start, length) = data.GetOffsetAndLength(Parameters.Length);
        start += Name.Length + 2; // after "NAME ("
        return (text, new Range(start, start + length));
    }
}
