namespace CardKit.Atr;

/// <summary>
/// The public ATR list of pcsc-tools (smartcard_list.txt, GPL data read at run time, never copied):
/// a pattern line per entry ('..' any byte, '.' any nibble, '[..]' a nibble class, '.*' any run),
/// then tab-indented description lines. All patterns are compiled once, by <see cref="Parse(TextReader, string)"/>,
/// into nibble masks grouped by length, so an ATR is checked against only the entries of its length,
/// with no regex engine. A parsed list is immutable: one instance may serve any number of
/// <see cref="Match"/> calls, from any number of threads. Where the file lives is the host's
/// business (CardKit.Hosting knows the usual places); this type reads only what it is handed.
/// </summary>
public sealed class SmartcardList
{
    private readonly List<AtrListEntry> _entries = [];
    private readonly Dictionary<int, Bucket> _fixed = [];
    private readonly List<(AtrListEntry Entry, ushort[] Pattern)> _variable = [];
    private readonly List<(int Line, string Text)> _invalid = [];

    private sealed class Bucket(int nibbles)
    {
        public int Nibbles { get; } = nibbles;
        public List<ushort> Masks { get; } = [];
        public List<AtrListEntry> Entries { get; } = [];
    }

    /// <summary>Where the list came from, as given to <see cref="Parse(TextReader, string)"/> (a path, a URL, or "").</summary>
    public string Source { get; private init; } = "";

    /// <summary>Every entry whose pattern compiled, in list order.</summary>
    public IReadOnlyList<AtrListEntry> Entries => _entries;

    /// <summary>Pattern lines that could not be compiled (line number and text); they are skipped.</summary>
    public IReadOnlyList<(int Line, string Text)> InvalidPatterns => _invalid;

    /// <summary>
    /// Parses and compiles a whole list; patterns that do not compile are skipped and reported in
    /// <see cref="InvalidPatterns"/>. <paramref name="source"/> names where the text came from
    /// (a path, a URL) for messages; it is not opened.
    /// </summary>
    public static SmartcardList Parse(TextReader reader, string source = "")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new SmartcardList { Source = source };
        string? pattern = null;
        var patternLine = 0;
        var descriptions = new List<string>();
        var lineNumber = 0;
        var lines = new LineScanner(reader);
        while (lines.TryReadLine(out var line))
        {
            lineNumber++;
            if (line.IsEmpty || line[0] == '#')
            {
                Flush();
                continue;
            }
            if (line[0] is '\t' or ' ')
            {
                if (pattern is not null)
                    descriptions.Add(line.Trim().ToString());
                continue;
            }
            Flush();
            pattern = line.TrimEnd().ToString();
            patternLine = lineNumber;
        }
        Flush();
        return list;

        void Flush()
        {
            if (pattern is not null)
                list.Add(new AtrListEntry(pattern, descriptions.ToArray(), patternLine));
            pattern = null;
            descriptions.Clear();
        }
    }

    /// <summary>Parses and compiles the list in <paramref name="text"/>; see <see cref="Parse(TextReader, string)"/>.</summary>
    public static SmartcardList Parse(string text, string source = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, source);
    }

    private void Add(AtrListEntry entry)
    {
        if (!TryCompile(entry.Pattern, out var nibbles))
        {
            _invalid.Add((entry.Line, entry.Pattern));
            return;
        }
        _entries.Add(entry);
        if (nibbles.Contains(AnyRun))
        {
            _variable.Add((entry, nibbles));
            return;
        }
        if (!_fixed.TryGetValue(nibbles.Length, out var bucket))
            _fixed[nibbles.Length] = bucket = new Bucket(nibbles.Length);
        bucket.Masks.AddRange(nibbles);
        bucket.Entries.Add(entry);
    }

    /// <summary>'.*' in a compiled pattern (no nibble set is empty otherwise).</summary>
    private const ushort AnyRun = 0;

    /// <summary>
    /// Compiles a pattern to one 16-bit set of allowed values per nibble ('.*' becomes <see cref="AnyRun"/>).
    /// Spaces separate bytes; a byte is two nibble items: a hex digit, '.', or a '[...]' class.
    /// </summary>
    internal static bool TryCompile(ReadOnlySpan<char> pattern, out ushort[] nibbles)
    {
        var result = new List<ushort>(66);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == ' ')
            {
                i++;
                continue;
            }
            if (c == '.' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                result.Add(AnyRun);
                i += 2;
                continue;
            }
            ushort set;
            if (c == '.')
            {
                set = 0xFFFF;
                i++;
            }
            else if (c == '[')
            {
                var end = pattern[i..].IndexOf(']');
                if (end < 0)
                {
                    nibbles = [];
                    return false;
                }
                end += i;
                // A regex character class of nibbles: "[FE]", "[6,E]", "[1-5]".
                set = 0;
                var members = pattern.Slice(i + 1, end - i - 1);
                for (var m = 0; m < members.Length; m++)
                {
                    if (members[m] == ',')
                        continue;
                    var from = HexDigit(members[m]);
                    var to = from;
                    if (m + 2 < members.Length && members[m + 1] == '-')
                    {
                        to = HexDigit(members[m + 2]);
                        m += 2;
                    }
                    if (from < 0 || to < from)
                    {
                        nibbles = [];
                        return false;
                    }
                    for (var v = from; v <= to; v++)
                        set |= (ushort)(1 << v);
                }
                i = end + 1;
            }
            else
            {
                var v = HexDigit(c);
                if (v < 0)
                {
                    nibbles = [];
                    return false;
                }
                set = (ushort)(1 << v);
                i++;
            }
            if (set == 0)
            {
                nibbles = [];
                return false;
            }
            result.Add(set);
        }
        nibbles = [.. result];
        // Whole bytes only (a '.*' may stand anywhere).
        return result.Count(n => n != AnyRun) % 2 == 0 && result.Count > 0;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>
    /// Identifies one ATR while reading the list, without building the whole index: only patterns
    /// with as many bytes as the ATR (or a '.*') are compiled. For a program that looks up one ATR
    /// and exits, this is what keeps start-up short; to look up many, <see cref="Parse(TextReader, string)"/>
    /// once and call <see cref="Match"/>. Returns the matching entries in list order.
    /// </summary>
    public static List<AtrListEntry> MatchStreaming(TextReader reader, ReadOnlySpan<byte> atr)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var matches = new List<AtrListEntry>();
        List<string>? descriptions = null;
        var lineNumber = 0;
        var nibbles = Nibbles(atr, stackalloc byte[Math.Min(atr.Length, 128) * 2]);
        var lines = new LineScanner(reader);
        while (lines.TryReadLine(out var line))
        {
            lineNumber++;
            if (line.IsEmpty || line[0] == '#')
            {
                descriptions = null;
                continue;
            }
            if (line[0] is '\t' or ' ')
            {
                descriptions?.Add(line.Trim().ToString());
                continue;
            }
            descriptions = null;
            var pattern = line.TrimEnd();
            if (!pattern.Contains(".*", StringComparison.Ordinal) && TokenCount(pattern) != atr.Length)
                continue;
            // The one pattern is compiled and tried on its own: no index is built for it.
            if (!TryCompile(pattern, out var compiled) || !MatchVariable(compiled, 0, nibbles))
                continue;
            descriptions = [];
            matches.Add(new AtrListEntry(pattern.ToString(), descriptions, lineNumber));
        }
        return matches;
    }

    private static int TokenCount(ReadOnlySpan<char> pattern)
    {
        var count = 0;
        var inToken = false;
        foreach (var c in pattern)
        {
            if (c == ' ')
                inToken = false;
            else if (!inToken)
            {
                inToken = true;
                count++;
            }
        }
        return count;
    }

    /// <summary>Every entry whose pattern matches the whole ATR, in list order (thread-safe: the list is not changed).</summary>
    public List<AtrListEntry> Match(ReadOnlySpan<byte> atr)
    {
        var result = new List<AtrListEntry>(2);
        var nibbles = Nibbles(atr, stackalloc byte[Math.Min(atr.Length, 128) * 2]);
        if (_fixed.TryGetValue(nibbles.Length, out var bucket))
        {
            var masks = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bucket.Masks);
            var n = bucket.Nibbles;
            for (var e = 0; e < bucket.Entries.Count; e++)
            {
                var entry = masks.Slice(e * n, n);
                var k = 0;
                while (k < n && ((entry[k] >> nibbles[k]) & 1) != 0)
                    k++;
                if (k == n)
                    result.Add(bucket.Entries[e]);
            }
        }
        foreach (var (entry, pattern) in _variable)
        {
            if (MatchVariable(pattern, 0, nibbles))
                result.Add(entry);
        }
        if (result.Count > 1)
            result.Sort((a, b) => a.Line.CompareTo(b.Line));
        return result;
    }

    // The ATR as the patterns see it: one value per hex digit (at most 128 bytes, as in Match).
    private static ReadOnlySpan<byte> Nibbles(ReadOnlySpan<byte> atr, Span<byte> nibbles)
    {
        for (var i = 0; i < nibbles.Length / 2; i++)
        {
            nibbles[2 * i] = (byte)(atr[i] >> 4);
            nibbles[2 * i + 1] = (byte)(atr[i] & 0x0F);
        }
        return nibbles;
    }

    private static bool MatchVariable(ushort[] pattern, int p, ReadOnlySpan<byte> nibbles)
    {
        if (p == pattern.Length)
            return nibbles.IsEmpty;
        if (pattern[p] == AnyRun)
        {
            for (var skip = 0; skip <= nibbles.Length; skip++)
            {
                if (MatchVariable(pattern, p + 1, nibbles[skip..]))
                    return true;
            }
            return false;
        }
        return !nibbles.IsEmpty && ((pattern[p] >> nibbles[0]) & 1) != 0 && MatchVariable(pattern, p + 1, nibbles[1..]);
    }
}
