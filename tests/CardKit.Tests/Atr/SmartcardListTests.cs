using CardKit.Atr;

namespace CardKit.Tests.Atr;

/// <summary>Against the smartcard_list.txt installed by pcsc-tools (read at run time, never copied).</summary>
public class SmartcardListTests
{
    private const string InstalledPath = "/usr/share/pcsc/smartcard_list.txt";

    private static readonly Lazy<SmartcardList> Installed = new(() =>
    {
        using var reader = File.Exists(InstalledPath) ? new StreamReader(InstalledPath) : throw new InvalidOperationException("smartcard_list.txt not found: install pcsc-tools (scripts/setup.sh)");
        return SmartcardList.Parse(reader, InstalledPath);
    });

    [Fact]
    public void Every_wildcard_free_ATR_parses_and_matches_its_own_entry()
    {
        var list = Installed.Value;
        var plain = list.Entries.Where(e => AtrCorpus.IsExact(e.Pattern)).ToList();
        Assert.True(plain.Count > 3500, $"only {plain.Count} wildcard-free entries");
        foreach (var entry in plain)
        {
            var atr = AtrParser.Parse(entry.Pattern);
            Assert.Contains(entry, list.Match(atr.Bytes));
        }
    }

    [Fact]
    public void Every_pattern_compiles()
    {
        Assert.Empty(Installed.Value.InvalidPatterns);
        Assert.True(Installed.Value.Entries.Count > 4000);
    }

    [Theory]
    [InlineData("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", "Mifare")]
    [InlineData("3B 9A 96 C0 10 31 FE 5D 00 64 05 7B 01 02 31 80 90 00 76", "tachograph")]
    [InlineData("3B 8C 80 01 59 75 62 69 6B 65 79 4E 45 4F 72 33 58", "Yubikey Neo")]
    public void Known_cards_are_identified(string atr, string description)
    {
        var matches = Installed.Value.Match(Hex.Parse(atr));
        Assert.Contains(matches, m => m.Descriptions.Any(d => d.Contains(description, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("3B 3B .. 00 80 6. A[FE] 03 0[CD] .. .. 83 .. 90 00", "3B 3B 11 00 80 69 AE 03 0D 01 02 83 55 90 00", true)]
    [InlineData("3B 3B .. 00 80 6. A[FE] 03 0[CD] .. .. 83 .. 90 00", "3B 3B 11 00 80 69 AD 03 0D 01 02 83 55 90 00", false)]
    [InlineData("3B 65 00 00 9C 1[01] 01 01 03", "3B 65 00 00 9C 11 01 01 03", true)]
    [InlineData("3B 13 00 4[4,9] 82", "3B 13 00 49 82", true)]
    [InlineData("3B EF 00 FF 81 31 42 45 .* 38", "3B EF 00 FF 81 31 42 45 01 02 03 38", true)]
    [InlineData("3B EF 00 FF 81 31 42 45 .* 38", "3B EF 00 FF 81 31 42 45 38", true)]
    [InlineData("3B EF 00 FF 81 31 42 45 .* 38", "3B EF 00 FF 81 31 42 45 39", false)]
    [InlineData("3b 02 14 50", "3B 02 14 50", true)]
    [InlineData("3B 02 14 50", "3B 02 14 50 00", false)]
    public void Patterns_follow_the_list_syntax(string pattern, string atr, bool matches)
    {
        var list = SmartcardList.Parse(new StringReader($"{pattern}\n\tdescription\n"));
        Assert.Equal(matches, list.Match(Hex.Parse(atr)).Count == 1);
    }

    [Fact]
    public void Unparseable_patterns_are_reported_not_fatal()
    {
        var list = SmartcardList.Parse(new StringReader("3B 0G\n\tbad\n\n3B [XY]\n\tbad class\n\n3B 02 14 50\n\tgood\n"));
        Assert.Equal([1, 4], list.InvalidPatterns.Select(p => p.Line));
        Assert.Single(list.Entries);
    }

    [Fact]
    public void Streaming_a_list_finds_what_the_compiled_list_finds_for_every_exact_ATR()
    {
        var text = File.ReadAllText(InstalledPath);
        var list = Installed.Value;
        var sample = AtrCorpus.FromList(list).Where((_, i) => i % 50 == 0).Append(AtrParser.Parse("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00")).ToList();
        Assert.True(sample.Count > 70);
        foreach (var atr in sample)
        {
            var streamed = SmartcardList.MatchStreaming(new StringReader(text), atr.Bytes);
            var compiled = list.Match(atr.Bytes);
            Assert.Equal(compiled.Select(e => (e.Pattern, e.Line)), streamed.Select(e => (e.Pattern, e.Line)));
            Assert.Equal(compiled.Select(e => e.Descriptions), streamed.Select(e => e.Descriptions));
        }
    }

    [Fact]
    public void A_compiled_list_answers_many_threads_at_once()
    {
        var list = Installed.Value;
        var atrs = AtrCorpus.FromList(list).Take(400).ToList();
        var expected = atrs.Select(a => list.Match(a.Bytes).Count).ToList();
        var counts = new int[atrs.Count];
        Parallel.For(0, atrs.Count, i => counts[i] = list.Match(atrs[i].Bytes).Count);
        Assert.Equal(expected, counts);
        Assert.All(counts, c => Assert.True(c >= 1));
    }

    [Fact]
    public void Descriptions_after_a_blank_line_belong_to_no_entry()
    {
        var text = "3B 02 14 50\n\tfirst\n\n\tstray\n";
        Assert.Equal(["first"], Assert.Single(SmartcardList.MatchStreaming(new StringReader(text), Hex.Parse("3B 02 14 50"))).Descriptions);
        Assert.Equal(["first"], Assert.Single(SmartcardList.Parse(text).Entries).Descriptions);
    }
}
