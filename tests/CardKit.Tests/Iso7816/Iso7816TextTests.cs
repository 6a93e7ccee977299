using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CardKit.Iso7816;
using CardKit.Testing;

namespace CardKit.Tests.Iso7816;

/// <summary>
/// The APDU decoder and the status word meanings in French and Russian (Iso7816Text.fr.resx,
/// Iso7816Text.ru.resx): the same command names, the words in the language; English exactly as the
/// CLI's send, script and trace output prints it.
/// </summary>
public sealed partial class Iso7816TextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");
    private static readonly string Directory = Path.Combine(Pcscd.RepoRoot, "src", "CardKit", "Iso7816");

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    // Words French spells as English does, used by the French templates with their French sense.
    private static readonly HashSet<string> FrenchAsInEnglish = new(StringComparer.Ordinal)
    {
        "application", "association", "code", "condition", "conditions", "contradiction", "diagnostic", "incompatible", "incorrect",
        "information", "instruction", "invalidation", "mode", "normal", "parent", "proactive", "qualification", "session",
        "structure", "suspension", "terminal",
    };

    // The English words of the decoder's templates (three letters or more, not an upper-case
    // abbreviation or a command name): none may be left in a French line.
    private static readonly Lazy<HashSet<string>> EnglishWords = new(() =>
        XDocument.Load(Path.Combine(Directory, "Iso7816Text.resx")).Root!.Elements("data")
            .SelectMany(d => Word().Matches(d.Element("value")!.Value).Select(m => m.Value))
            .Where(w => w.Length >= 3 && w.Any(char.IsLower) && !FrenchAsInEnglish.Contains(w)).ToHashSet(StringComparer.Ordinal));

    private static void AssertNoEnglish(CultureInfo culture, string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        // Russian keeps the standard's abbreviations (EF, SFI, CHV, FCI) and command names (upper case) in Latin letters, no other Latin word.
        var english = culture == Russian
            ? words.Where(w => w.Length >= 3 && w.Any(char.IsAsciiLetterLower)).ToList()
            : words.Where(EnglishWords.Value.Contains).ToList();
        Assert.True(english.Count == 0, $"{culture.Name}: English in '{text}': {string.Join(", ", english)}");
    }

    public static TheoryData<string, string, string, string> Commands() => new()
    {
        // GSM 11.11 SELECT by file ID, ISO SELECT by FID, by DF name (the AID's name is data), READ RECORD, VERIFY, GET RESPONSE.
        { "A0 A4 00 00 02 6F 3A", "SELECT", "fichier 6F3A", "файл 6F3A" },
        { "00 A4 00 0C 02 3F 00", "SELECT", "fichier 3F00, pas de données en réponse", "файл 3F00, без данных в ответе" },
        { "00 A4 04 00 07 A0 00 00 00 87 10 02", "SELECT", "par nom de DF A0000000871002 (3GPP USIM), renvoyer les FCI", "по имени DF A0000000871002 (3GPP USIM), вернуть FCI" },
        { "A0 B2 01 04 1E", "READ RECORD(S)", "enregistrement 1, numéro absolu", "запись 1, абсолютный номер" },
        { "00 B2 02 0C 00", "READ RECORD(S)", "enregistrement 2, numéro absolu, SFI 1", "запись 2, абсолютный номер, SFI 1" },
        { "A0 20 00 01 08 31 32 33 34 FF FF FF FF", "VERIFY", "référence 01 (globale)", "ссылка 01 (глобальная)" },
        { "00 20 00 81", "VERIFY", "référence 81 (spécifique), lecture du compteur d'essais", "ссылка 81 (специфическая), запрос счётчика попыток" },
        { "00 C0 00 00 16", "GET RESPONSE", "22 octet(s)", "байт: 22" },
        { "00 B0 83 10 10", "READ BINARY", "SFI 3, décalage 16", "SFI 3, смещение 16" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_reads_in_French_and_Russian_with_its_standard_name(string apdu, string name, string french, string russian)
    {
        var command = Hex.Parse(apdu);
        var english = ApduDecoder.Describe(command);
        foreach (var (culture, expected) in new[] { (French, french), (Russian, russian) })
        {
            var translated = ApduDecoder.Describe(command, culture);
            Assert.Equal(name, translated.Name);
            Assert.Equal(expected, translated.Parameters);
            Assert.NotEqual(english.Parameters, translated.Parameters);
            Assert.NotEqual(english.Class, translated.Class);
            AssertNoEnglish(culture, translated.Parameters);
            AssertNoEnglish(culture, translated.Class);
        }
    }

    public static TheoryData<string, string, StatusWordContext, string, string> StatusWords() => new()
    {
        { "", "90 00", StatusWordContext.Iso7816, "exécution réussie", "успешное выполнение" },
        { "", "6A 82", StatusWordContext.Iso7816, "fichier ou application introuvable", "файл или приложение не найдены" },
        { "", "67 00", StatusWordContext.Iso7816, "longueur incorrecte", "неверная длина" },
        { "", "69 82", StatusWordContext.Iso7816, "état de sécurité non satisfait", "статус безопасности не удовлетворён" },
        // After VERIFY, 63CX is a failed verification (ISO/IEC 7816-4:2020 §11.5.6).
        { "00 20 00 01 08 31 32 33 34 FF FF FF FF", "63 C2", StatusWordContext.Iso7816, "échec de la vérification, 2 essai(s) restant(s)", "проверка не пройдена, осталось попыток: 2" },
        // GSM 11.11 §9.4.1: the class A0 command picks the GSM table.
        { "A0 A4 00 00 02 3F 00", "9F 1A", StatusWordContext.Gsm, "26 octet(s) de données de réponse disponibles (GET RESPONSE en classe A0)", "доступно байт данных ответа: 26 (GET RESPONSE с классом A0)" },
        { "A0 20 00 01 08 31 32 33 35 FF FF FF FF", "98 04", StatusWordContext.Gsm, "condition d'accès non remplie / CHV erroné, au moins un essai restant", "условие доступа не выполнено / неверный CHV, осталась по крайней мере одна попытка" },
        // ISO/IEC 7816-3:2006 §10.3.3: wrong Le, SW2 the exact length.
        { "00 B0 00 00 00", "6C 10", StatusWordContext.Iso7816, "champ Le erroné : 16 octet(s) disponible(s)", "неверное поле Le, доступно байт: 16" },
        { "00 C0 00 00 00", "61 00", StatusWordContext.Iso7816, "256 octet(s) supplémentaire(s) disponible(s) (GET RESPONSE)", "доступно ещё байт: 256 (GET RESPONSE)" },
    };

    [Theory]
    [MemberData(nameof(StatusWords))]
    public void A_status_word_reads_in_French_and_Russian(string apdu, string swHex, StatusWordContext context, string french, string russian)
    {
        var command = Hex.Parse(apdu);
        var bytes = Hex.Parse(swHex);
        var sw = new StatusWord(bytes[0], bytes[1]);
        byte? instruction = command.Length >= 2 ? command[1] : null;
        var english = CardKit.Iso7816.StatusWords.Describe(sw, context, instruction);
        foreach (var (culture, expected) in new[] { (French, french), (Russian, russian) })
        {
            var translated = CardKit.Iso7816.StatusWords.Describe(sw, culture, context, instruction);
            Assert.Equal(expected, translated);
            Assert.NotEqual(english, translated);
            AssertNoEnglish(culture, translated);
            if (command.Length > 0)
            {
                // The command picks the same table and instruction in every language.
                Assert.Equal(translated, CardKit.Iso7816.StatusWords.Describe(command, sw, culture));
                Assert.Equal(translated, ResponseSummary.Of(bytes, command, culture).Meaning);
            }
        }
    }

    [Fact]
    public void English_is_exactly_what_the_CLI_prints_whatever_the_English_culture()
    {
        var verify = Hex.Parse("A0 20 00 01 08 31 32 33 34 FF FF FF FF");
        Assert.Equal("VERIFY (reference 01 (global)) [GSM 11.11 class A0]", ApduDecoder.Describe(verify).ToString());
        Assert.Equal("SELECT (file 3F00, no response data) [interindustry, channel 0]", ApduDecoder.Describe(Hex.Parse("00 A4 00 0C 02 3F 00")).ToString());
        Assert.Equal("verification failed, 2 retries left", CardKit.Iso7816.StatusWords.Describe(verify, new StatusWord(0x63C2)));
        Assert.Equal("22 bytes of response data available (GET RESPONSE with class A0)", CardKit.Iso7816.StatusWords.Describe(verify, new StatusWord(0x9F16)));
        Assert.Equal("wrong Le field: 16 bytes available", new StatusWord(0x6C10).Describe());
        Assert.Equal("response shorter than a status word", ResponseSummary.Of([0x90], verify).Meaning);
        foreach (var english in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("en-GB") })
        {
            Assert.Equal(ApduDecoder.Describe(verify), ApduDecoder.Describe(verify, english));
            Assert.Equal(ApduDecoder.DescribeClass(0x7F), ApduDecoder.DescribeClass(0x7F, english));
            Assert.Equal(CardKit.Iso7816.StatusWords.Describe(verify, new StatusWord(0x63C2)), CardKit.Iso7816.StatusWords.Describe(verify, new StatusWord(0x63C2), english));
        }
    }

    [Fact]
    public void Every_class_byte_reads_in_French_and_Russian()
    {
        foreach (var culture in new[] { French, Russian })
        {
            for (var cla = 0; cla < 256; cla++)
            {
                var translated = ApduDecoder.DescribeClass((byte)cla, culture);
                Assert.NotEqual(ApduDecoder.DescribeClass((byte)cla), translated);
                AssertNoEnglish(culture, translated);
            }
        }
    }

    // Every status word in every table, after a plain command and after a verification: a phrase of the language.
    [Fact]
    public void Every_status_word_in_every_table_reads_in_French_and_Russian()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in new[] { French, Russian })
        {
            for (var value = 0; value <= 0xFFFF; value++)
            {
                var sw = new StatusWord((ushort)value);
                foreach (var context in Enum.GetValues<StatusWordContext>())
                {
                    foreach (byte? instruction in new byte?[] { null, 0xB0, 0x20 })
                    {
                        var english = CardKit.Iso7816.StatusWords.Describe(sw, context, instruction);
                        var translated = CardKit.Iso7816.StatusWords.Describe(sw, culture, context, instruction);
                        Assert.NotEqual(english, translated);
                        // Each phrase is checked once; the numbers in it change nothing.
                        if (seen.TryAdd(culture.Name + Digits().Replace(translated, "#"), translated))
                            AssertNoEnglish(culture, translated);
                    }
                }
            }
        }
        Assert.True(seen.Count > 100, $"only {seen.Count} phrases");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    // Every command a card console can send: the same name in every language, a translated explanation
    // exactly where English has one.
    [Fact]
    public void Every_instruction_of_every_class_reads_in_French_and_Russian()
    {
        byte[][] shapes = [[0x04, 0x00, 0x02, 0x3F, 0x00], [0x80, 0x0C], [0x01, 0x05, 0x00], [0x00, 0x00, 0x00, 0x02, 0x01], [0x09, 0x0C]];
        foreach (var culture in new[] { French, Russian })
        {
            for (var cla = 0; cla < 256; cla += 0x0D)
            {
                for (var ins = 0; ins < 256; ins++)
                {
                    foreach (var shape in shapes)
                    {
                        byte[] command = [(byte)cla, (byte)ins, .. shape];
                        var english = ApduDecoder.Describe(command);
                        var translated = ApduDecoder.Describe(command, culture);
                        Assert.Equal(english.Name, translated.Name);
                        Assert.Equal(english.Parameters.Length == 0, translated.Parameters.Length == 0);
                        AssertNoEnglish(culture, translated.Parameters);
                    }
                }
            }
        }
    }

    [Fact]
    public void An_applications_name_is_data_in_every_language()
    {
        var select = Hex.Parse("00 A4 04 00 07 A0 00 00 00 87 10 02");
        foreach (var culture in new[] { CultureInfo.InvariantCulture, French, Russian })
        {
            var decoded = ApduDecoder.Describe(select, culture);
            Assert.Equal("3GPP USIM", decoded.Parameters[decoded.Data!.Value]);
        }
        Assert.Null(ApduDecoder.Describe(Hex.Parse("00 A4 04 00 03 A0 00 01"), Russian).Data);
        Assert.Null(ApduDecoder.Describe(Hex.Parse("00 A4 00 0C 02 3F 00")).Data);
    }

    [Fact]
    public void A_truncated_header_reads_in_French_and_Russian()
    {
        Assert.Equal("(en-tête tronqué)", ApduDecoder.Describe([0x00, 0xA4], French).Name);
        Assert.Equal("байт: 2; команде нужны CLA INS P1 P2", ApduDecoder.Describe([0x00, 0xA4], Russian).Class);
        Assert.Equal("réponse plus courte qu'un mot d'état", ResponseSummary.Of([0x90], [0x00, 0xA4], French).Meaning);
    }

    [Fact]
    public void Every_template_is_used_by_the_decoder()
    {
        var keys = XDocument.Load(Path.Combine(Directory, "Iso7816Text.resx")).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToList();
        Assert.NotEmpty(keys);
        var code = string.Concat(System.IO.Directory.EnumerateFiles(Directory, "*.cs").Select(File.ReadAllText));
        Assert.All(keys, key => Assert.Contains($"\"{key}\"", code, StringComparison.Ordinal));
    }
}
