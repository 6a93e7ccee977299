using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using CardKit.Testing;
using CardKit.Web.Submissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CardKit.Web.Tests;

/// <summary>
/// English, French and Russian: every key in every language (the web's strings and the ATR and APDU
/// decoders' words in the library), and every page rendered in French and Russian shows no English
/// outside the data (ATR bytes, card names, visitors' text: the elements marked translate="no"), the
/// script console's decoded commands and status words included.
/// </summary>
public sealed partial class LocalizationTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    // Words that are the same in every language here: names, standards, formats.
    private static readonly HashSet<string> Technical = new(StringComparer.Ordinal)
    {
        "ATR", "APDU", "PIN", "PUK", "SIM", "USIM", "CardKit", "PC", "SC", "ISO", "IEC", "JSON", "OpenAPI", "smartcard", "list", "txt",
        "pcsc", "tools", "parse2json", "atr", "vCard", "CSV", "URL", "NUL", "UICC", "SSE",
        // The daemon, the program whose script format this is, and that format's keyword.
        "pcscd", "scriptor", "reset",
    };

    // The standard's abbreviations and symbols that Russian technical texts (GOST R ISO/IEC 7816
    // translations, card vendors' Russian manuals) keep in Latin letters, as the ATR decoder prints them.
    private static readonly HashSet<string> RussianKeepsLatin = new(StringComparer.Ordinal)
    {
        // ISO/IEC 7816-3 quantities: elementary time unit, T=1 information field size for the card,
        // block and character waiting integers, the T=1 checksums, the maximum clock frequency f(max),
        // the deprecated programming voltage indices and the supply/standard-use-of-C6 bytes.
        "ETU", "IFSC", "BWI", "CWI", "LRC", "CRC", "fmax", "PI1", "PI2", "VPP", "SPU",
        // "Reserved for future use", the standard's own marker in every table.
        "RFU",
        // ISO/IEC 7816-4 names: COMPACT-TLV and BER-TLV encodings, application and registered
        // provider identifiers, the DIR file, the life cycle status byte and the status bytes.
        "COMPACT", "TLV", "BER", "AID", "RID", "DIR", "LCS", "SW1", "SW2",
        // ISO/IEC 7816-4 command names, written as the standard spells them in every language.
        "READ", "BINARY", "RECORD", "GET", "DATA",

        // --- The APDU decoder (src/CardKit/Iso7816), shown on /console/script ---
        // More command names of ISO/IEC 7816-4 §5.4.2 Table 4 (SELECT, VERIFY, GET RESPONSE, GET
        // CHALLENGE, MANAGE CHANNEL; READ BINARY, READ RECORD(S), GET DATA are above) and GSM 11.11 §9.2
        // (STATUS): names, as a French or Russian card manual writes them too, never translated.
        "SELECT", "VERIFY", "RESPONSE", "CHALLENGE", "MANAGE", "CHANNEL", "STATUS",
        // ISO/IEC 7816-4 §7.4: the file control parameters (FCP) a SELECT asks for.
        "FCP",
        // The GSM 11.11 specification (a name, like ISO) and its card holder verification, the SIM's
        // PIN, that its status words name (98 04 "wrong CHV").
        "GSM", "CHV",
    };

    private static readonly string WebResources = Path.Combine(Pcscd.RepoRoot, "src", "CardKit.Web", "Resources", "Strings");

    // The ATR decoder's words: the library's resources, shown on /parse.
    private static readonly string AtrResources = Path.Combine(Pcscd.RepoRoot, "src", "CardKit", "Atr", "AtrText");

    // The APDU decoder's words: the library's resources, shown on /console/script.
    private static readonly string Iso7816Resources = Path.Combine(Pcscd.RepoRoot, "src", "CardKit", "Iso7816", "Iso7816Text");

    private InProcessServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = InProcessServer.With("--CardKit:SubmissionsPerMinute=0");
        using var scope = _server.Services.CreateScope();
        Assert.Empty(await Moderators.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), "alice", Password));
        using var client = _server.BrowserClient();
        await WebFlows.SubmitAsync(client, TestLists.Unknown, "A card for the queue");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static Dictionary<string, string> Load(string culture, string resources = "") =>
        XDocument.Load((resources.Length == 0 ? WebResources : resources) + (culture.Length == 0 ? ".resx" : $".{culture}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    // The web's strings and the decoders', keyed apart (they have keys named like each other's).
    private static Dictionary<string, string> LoadAll(string culture) =>
        Load(culture)
            .Concat(Load(culture, AtrResources).Select(e => KeyValuePair.Create("AtrText." + e.Key, e.Value)))
            .Concat(Load(culture, Iso7816Resources).Select(e => KeyValuePair.Create("Iso7816Text." + e.Key, e.Value)))
            .ToDictionary();

    public static TheoryData<string> ResourceSets() => new(WebResources, AtrResources, Iso7816Resources);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Every_key_exists_in_every_language_and_none_is_empty(string resources)
    {
        var english = Load("", resources);
        Assert.NotEmpty(english);
        foreach (var culture in new[] { "fr", "ru" })
        {
            var translated = Load(culture, resources);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{culture}: {key} is empty");
                // The same placeholders ({0}, {1:P1}, ...) as in English.
                Assert.Equal(Placeholders(english[key]), Placeholders(value));
            }
        }
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"en: {e.Key} is empty"));
    }

    [Fact]
    public void Every_key_the_code_uses_is_in_the_resources()
    {
        var english = Load("");
        var source = Path.Combine(Pcscd.RepoRoot, "src", "CardKit.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !english.ContainsKey(k));
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:L\[|Text\(|data-l10n="")""?((?:Nav|Footer|Index|Parse|Submit|Login|Admin|Console|Script|Phonebook|Readers)\.[A-Za-z0-9.]+)")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"^(TS|T0|TCK|T[ABCD]\d+)$")]
    private static partial Regex AtrField();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex LatinWord();

    /// <summary>The pages every visitor or moderator can see, with what makes them render fully.</summary>
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "fr", "ru" })
        {
            foreach (var url in new[]
            {
                "/", "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K), "/parse?ATR=" + Uri.EscapeDataString(TestLists.AlsoUnknown),
                // A UICC (T=15, COMPACT-TLV); defective ATRs: truncated, extra bytes, bad TS, a wrong TCK
                // after proprietary historical bytes, RFU values.
                "/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown),
                "/parse?ATR=3B80", "/parse?ATR=" + Uri.EscapeDataString("3B 84 80 01 01 11 20 03 36 90 00"), "/parse?ATR=3C00",
                "/parse?ATR=" + Uri.EscapeDataString("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6"), "/parse?ATR=3B1070",
                "/parse?ATR=nothex", "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K) + "&submitted=true",
                "/admin/login", "/admin", "/console", "/console/script", "/console/phonebook?reader=emu:sim",
            })
            {
                data.Add(culture, url);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_French_or_Russian_page_has_no_English_outside_the_data(string culture, string url)
    {
        using var client = _server.BrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        if (url == "/admin")
            await WebFlows.LoginAsync(client, "alice", Password);
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertNoEnglishOutsideTheData(culture, url, page);
    }

    /// <summary>Scripts for the virtual SIM (GSM 11.11 table) and USIM (ISO/IEC 7816-4, TS 102 221): every kind of line the decoder writes.</summary>
    public static TheoryData<string, string, string> Scripts()
    {
        const string sim = """
            A0 A4 00 00 02 3F 00
            A0 20 00 01 08 31 32 33 35 FF FF FF FF = 98 04
            A0 20 00 01 08 31 32 33 34 FF FF FF FF = 90 00
            A0 A4 00 00 02 7F 10 = * 90 00
            A0 A4 00 00 02 6F 3A = * 90 00
            A0 B2 01 04 1E = * 90 00
            A0 B2 01 04 00
            A0 A4 00 00 02 6F 99
            A0 B0 00 00 05
            A0 F2 00 00 16
            00 A4 00 0C 02 3F 00
            A0 C0 00 00 10
            A0 CA 00 00 00
            reset
            """;
        const string usim = """
            00 A4 00 04 02 3F 00
            00 20 00 01
            00 20 00 01 08 31 32 33 35 FF FF FF FF
            00 20 00 01 08 31 32 33 34 FF FF FF FF
            00 A4 04 04 07 A0 00 00 00 87 10 02
            00 A4 00 04 02 6F 99
            00 B0 00 00 05
            00 B2 01 04 00
            00 CA 9F 7F 00
            00 70 00 00 01
            00 84 00 00 08
            A0 A4 00 00 02 3F 00
            """;
        var data = new TheoryData<string, string, string>();
        foreach (var culture in new[] { "fr", "ru" })
        {
            data.Add(culture, "emu:sim", sim);
            data.Add(culture, "emu:usim", usim);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_French_or_Russian_script_run_has_no_English_outside_the_data(string culture, string reader, string script)
    {
        using var client = _server.BrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var editor = await Html.GetAsync(client, "/console/script");
        using var form = Html.Form(("__af", Html.Token(editor, "/console/script")), ("reader", reader), ("Text", script));
        using var response = await client.PostAsync("/console/script?handler=run", form, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // Every APDU line ran and has its command decoded and its status word explained, in the page's language.
        var apdus = script.Split('\n').Count(l => l.Trim() is { Length: > 0 } line && line != "reset");
        var decoded = page.QuerySelectorAll("table.results .decoded").Select(e => e.TextContent).ToList();
        Assert.Equal(2 * apdus, decoded.Count);
        Assert.All(decoded, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Empty(page.QuerySelectorAll("table.results [lang=en]"));
        if (reader == "emu:usim")
            Assert.Equal("3GPP USIM", Assert.Single(page.QuerySelectorAll("table.results .decoded [translate=no]")).TextContent);
        AssertNoEnglishOutsideTheData(culture, $"/console/script ({reader})", page);
    }

    private static void AssertNoEnglishOutsideTheData(string culture, string url, IDocument page)
    {
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        var text = VisibleText(page);
        Assert.NotEmpty(text);
        var english = LoadAll("");
        var translated = LoadAll(culture);
        // A single English word that is also a word of the translation ("direct" in "en direct") proves nothing.
        var translatedWords = translated.Values.SelectMany(v => Regex.Split(v, @"\P{L}+")).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in english)
        {
            if (!value.Contains(' ', StringComparison.Ordinal) && translatedWords.Contains(value))
                continue;
            // A string the translation changes must not appear in English.
            if (value != translated[key] && value.Length >= 4 && !value.Contains('{', StringComparison.Ordinal))
                Assert.False(Regex.IsMatch(text, @"(?<!\p{L})" + Regex.Escape(value) + @"(?!\p{L})"), $"{url} in {culture} shows the English '{value}' ({key})");
        }
        if (culture == "ru")
        {
            var latin = LatinWord().Matches(text).Select(m => m.Value).Where(w => w.Length >= 3 && !Technical.Contains(w) && !RussianKeepsLatin.Contains(w) && !IsHex(w) && !AtrField().IsMatch(w)).Distinct().ToList();
            Assert.True(latin.Count == 0, $"{url} in Russian shows Latin words outside the data: {string.Join(", ", latin)}");
        }
    }

    [Fact]
    public async Task The_language_switcher_sets_a_cookie_that_outranks_Accept_Language()
    {
        using var client = _server.BrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var switched = await client.GetAsync("/lang/ru?return=" + Uri.EscapeDataString("/parse?ATR=3B80"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/parse?ATR=3B80", switched.Headers.Location!.OriginalString);
        var page = await Html.GetAsync(client, "/parse?ATR=3B80");
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Расшифрованный ATR", page.QuerySelector("h1")!.TextContent);
        // Never an open redirect.
        using var away = await client.GetAsync("/lang/fr?return=" + Uri.EscapeDataString("//evil.example/"), TestContext.Current.CancellationToken);
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Numbers_follow_the_chosen_culture()
    {
        using var client = _server.BrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = await Html.GetAsync(client, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K));
        Assert.Contains(page.QuerySelectorAll(".share"), s => s.TextContent.Contains("33,3\u00a0%", StringComparison.Ordinal) || s.TextContent.Contains("33,3 %", StringComparison.Ordinal) || s.TextContent.Contains("33,3\u202f%", StringComparison.Ordinal));
    }

    private static bool IsHex(string word) => word.All(char.IsAsciiHexDigit);

    private static string VisibleText(IDocument page)
    {
        var title = page.Title ?? "";
        foreach (var excluded in page.QuerySelectorAll("[translate=no], script, style, head").ToList())
            excluded.Remove();
        var parts = new List<string> { title, page.Body!.TextContent };
        // Text people see that is not in text nodes.
        parts.AddRange(page.QuerySelectorAll("[placeholder]").Select(e => e.GetAttribute("placeholder")!));
        parts.AddRange(page.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!));
        parts.AddRange(page.QuerySelectorAll("[title]").Select(e => e.GetAttribute("title")!));
        return Regex.Replace(string.Join(' ', parts), @"\s+", " ");
    }
}
