using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CardKit.Atr;
using CardKit.Testing;
using FsCheck.Fluent;

namespace CardKit.Tests.Atr;

/// <summary>
/// The ATR decoder in French and Russian (AtrText.fr.resx, AtrText.ru.resx): the same lines and
/// defects as in English, in words of the language; English exactly as the CLI and the APIs print it.
/// </summary>
public sealed partial class AtrTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    public const string Mifare1K = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
    public const string Jcop = "3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B7";

    // An English word: three or more letters with a lower-case one (the standard's abbreviations are upper case).
    [GeneratedRegex(@"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex LatinWord();

    private static string Words(string text, Range? data)
    {
        if (data is not { } range)
            return text;
        var (start, length) = range.GetOffsetAndLength(text.Length);
        return text[..start] + text[(start + length)..];
    }

    public static TheoryData<string, string> Atrs()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "fr", "ru" })
        {
            foreach (var atr in new[]
            {
                Mifare1K, Jcop,
                "3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2",   // UICC: T=15, COMPACT-TLV
                "3B FA 13 00 FF 81 31 80 45 00 31 C1 73 C0 01 00 00 90 00 B1",         // OpenPGP: category 00, status indicator
                "3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 C3",                  // pre-issuing data, chaining, wrong TCK place
                // Defects: wrong TCK, truncated, extra bytes, bad TS, RFU TA1 and IFSC, too long, raw inverse.
                "3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6", "3B 80", "3B 0A 01 02", "3B 84 80 01 01 11 20 03 36 90 00",
                "3C 00", "3B 10 70", "3B 80 81 11 FF EF", "3B 81 80 01 80", "3B 02 14 50 46", "3B",
                "3B 0F " + string.Join(' ', Enumerable.Repeat("41", 15)) + " " + string.Join(' ', Enumerable.Repeat("00", 20)),
                "03 00 56 FF 00 76 7E 71 FA 1D FF DD 8D 7D 35 F5 F3 73 73 FB B5 59 91 BD F3 93 8D",
            })
            {
                data.Add(culture, atr);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Atrs))]
    public void A_known_ATR_reads_in_French_and_Russian_with_no_English_left(string culture, string hex)
    {
        var language = CultureInfo.GetCultureInfo(culture);
        var atr = AtrParser.Parse(hex);
        var english = AtrExplanation.Explain(atr);
        var translated = AtrExplanation.Explain(atr, language);
        Assert.Equal(english.Count, translated.Count);
        foreach (var (en, other) in english.Zip(translated))
        {
            Assert.Equal((en.Offset, en.Bytes, en.Depth), (other.Offset, other.Bytes, other.Depth));
            // Where English has words, the translation has others; the standard's symbols (TS, TA1) stay.
            Assert.True(EnglishWord().IsMatch(en.Field) ? other.Field != en.Field : other.Field == en.Field, $"{culture}: field {en.Field} -> {other.Field}");
            if (EnglishWord().IsMatch(Words(en.Meaning, en.Data)))
                Assert.NotEqual(en.Meaning, other.Meaning);
            // The card's own text is the same in every language.
            Assert.Equal(en.Data is null, other.Data is null);
            if (en.Data is { } data)
                Assert.Equal(en.Meaning[data], other.Meaning[other.Data!.Value]);
            AssertNoEnglish(culture, other.Field);
            AssertNoEnglish(culture, Words(other.Meaning, other.Data));
        }
        foreach (var defect in atr.Defects)
        {
            var message = defect.MessageIn(language);
            Assert.NotEqual(defect.Message, message);
            AssertNoEnglish(culture, message);
        }
    }

    // Russian has no Latin word but the standard's symbols and abbreviations (upper case) and f(max);
    // French shares the alphabet, so the line-by-line difference above is its check.
    private static void AssertNoEnglish(string culture, string text)
    {
        if (culture != "ru")
            return;
        var latin = LatinWord().Matches(text).Select(m => m.Value).Where(w => w.Length >= 3 && w.Any(char.IsAsciiLetterLower) && w != "fmax").ToList();
        Assert.True(latin.Count == 0, $"Latin words in '{text}': {string.Join(", ", latin)}");
    }

    [Fact]
    public void English_is_exactly_what_the_CLI_and_the_APIs_print()
    {
        var mifare = AtrParser.Parse(Mifare1K);
        string[] expected =
        [
            "0 TS: direct convention",
            "1 T0: Y1=8: TD1 present; K=15 historical byte(s)",
            "2 TD1: T=0 (half-duplex characters); Y2=8: TD2 present",
            "3 TD2: T=1 (half-duplex blocks); Y3=0: no interface bytes follow",
            "4 Historical bytes: \".O.............\"",
            "4 Category: 80: PC/SC part 3 storage card follows",
            "5 AID tag: application identifier, 12 bytes",
            "7 RID: A0 00 00 03 06: PC/SC Workgroup",
            "12 Standard: ISO 14443 A, part 3",
            "13 Card name: MIFARE Classic 1K",
            "15 RFU: reserved",
            "19 TCK: check byte, correct",
        ];
        Assert.Equal(expected, AtrExplanation.Explain(mifare).Select(l => $"{l.Offset} {l.Field}: {l.Meaning}"));
        // An English culture is English, whatever the region.
        Assert.Equal(AtrExplanation.Explain(mifare), AtrExplanation.Explain(mifare, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(AtrExplanation.Explain(mifare), AtrExplanation.Explain(mifare, CultureInfo.InvariantCulture));

        var jcop = AtrExplanation.Explain(AtrParser.Parse(Jcop));
        Assert.Equal(
        [
            "TA1: Fi=372, Di=4, 93 cycles/ETU, 43011 bit/s at 4 MHz, fmax 5 MHz (53763 bit/s at fmax)",
            "TB1: VPP not connected (TB1 is deprecated since ISO/IEC 7816-3:2006)",
            "TC1: extra guard time N=0 ETU",
            "TD1: T=1 (half-duplex blocks); Y2=8: TD2 present",
            "TD2: T=1 (half-duplex blocks); Y3=3: TA3, TB3 present",
            "TA3: T=1 IFSC 254 bytes (maximum information field the card accepts)",
            "TB3: T=1 BWI=4, CWI=5 (block waiting 11 + 2^4 x 960 x 372/f s, character waiting 11 + 2^5 ETU)",
            "Category: proprietary historical bytes \"JCOPv241\"",
            "TCK: check byte, correct",
        ], jcop.Where(l => l.Field is not ("TS" or "T0" or "Historical bytes")).Select(l => $"{l.Field}: {l.Meaning}"));

        var wrong = AtrParser.Parse("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6");
        var defect = Assert.Single(wrong.Defects);
        Assert.Equal("TCK is B6, expected B7", defect.Message);
        Assert.Equal(defect.Message, defect.MessageIn(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("TCK vaut B6, attendu B7", defect.MessageIn(French));
        Assert.Equal("TCK равен B6, ожидался B7", defect.MessageIn(Russian));
        Assert.Equal("контрольный байт, НЕВЕРНЫЙ (ожидался B7)", AtrExplanation.Explain(wrong, Russian).Single(l => l.Field == "TCK").Meaning);
    }

    [Fact]
    public void The_Russian_lines_use_the_standards_Russian_terms()
    {
        var mifare = AtrExplanation.Explain(AtrParser.Parse(Mifare1K), Russian);
        Assert.Equal("прямое соглашение", mifare[0].Meaning);
        Assert.Equal("Исторические байты", mifare[4].Field);
        Assert.Equal("MIFARE Classic 1K", mifare.Single(l => l.Field == "Название карты").Meaning);
        var french = AtrExplanation.Explain(AtrParser.Parse(Mifare1K), French);
        Assert.Equal("convention directe", french[0].Meaning);
        Assert.Equal("Octets historiques", french[4].Field);
        Assert.Equal("Y1=8 : TD1 présent(s) ; K=15 octet(s) historique(s)", french[1].Meaning);
    }

    [Fact]
    public void Any_ATR_explains_in_every_language_with_the_same_lines_and_defects()
    {
        Properties.Check(Properties.Atrs(), bytes =>
        {
            var atr = AtrParser.Parse(bytes);
            var english = AtrExplanation.Explain(atr);
            return new[] { French, Russian }.All(language =>
            {
                var translated = AtrExplanation.Explain(atr, language);
                return translated.Count == english.Count
                    && translated.Zip(english).All(p => p.First.Offset == p.Second.Offset && p.First.Bytes == p.Second.Bytes && p.First.Depth == p.Second.Depth
                        && p.First.Field.Length > 0 && (p.First.Meaning.Length > 0) == (p.Second.Meaning.Length > 0) && (p.First.Data is null) == (p.Second.Data is null))
                    && atr.Defects.All(d => d.MessageIn(language).Length > 0);
            });
        }, runs: 5_000);
    }

    [Fact]
    public void Every_template_is_used_by_the_decoder()
    {
        var directory = Path.Combine(Pcscd.RepoRoot, "src", "CardKit", "Atr");
        var keys = XDocument.Load(Path.Combine(directory, "AtrText.resx")).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToList();
        Assert.NotEmpty(keys);
        var code = string.Concat(Directory.EnumerateFiles(directory, "*.cs").Select(File.ReadAllText));
        Assert.All(keys, key => Assert.Contains($"\"{key}\"", code, StringComparison.Ordinal));
    }
}
