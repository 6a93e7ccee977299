namespace CardKit.Atr;

/// <summary>Where statistics get their ATRs: the exact ATRs of a list, or a text of one ATR per line.</summary>
public static class AtrCorpus
{
    /// <summary>The ATRs of <paramref name="list"/>'s wildcard-free entries (patterns with no '.' and no '[').</summary>
    public static IEnumerable<AnswerToReset> FromList(SmartcardList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Iterate(list);

        static IEnumerable<AnswerToReset> Iterate(SmartcardList list)
        {
            foreach (var entry in list.Entries)
            {
                if (IsExact(entry.Pattern) && AtrParser.TryParse(entry.Pattern, out var atr))
                    yield return atr!;
            }
        }
    }

    /// <summary>One ATR per line of <paramref name="reader"/>; lines that are not hex (comments, blanks) are skipped.</summary>
    public static IEnumerable<AnswerToReset> FromLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(reader);

        static IEnumerable<AnswerToReset> Iterate(TextReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                if (AtrParser.TryParse(line.Trim(), out var atr))
                    yield return atr!;
            }
        }
    }

    /// <summary>True when <paramref name="pattern"/> has no wildcard: it is one ATR.</summary>
    public static bool IsExact(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return !pattern.Contains('.', StringComparison.Ordinal) && !pattern.Contains('[', StringComparison.Ordinal);
    }
}
