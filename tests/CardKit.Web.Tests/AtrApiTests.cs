using System.Net;
using System.Text.Json;

namespace CardKit.Web.Tests;

/// <summary>The JSON routes of the public smartcard-atr service, in process.</summary>
public sealed class AtrApiTests(InProcessServer server) : IClassFixture<InProcessServer>, IAsyncLifetime
{
    private readonly InProcessServer _server = server;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _server.Client();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await ValueTask.CompletedTask;
    }

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Parse2json_has_the_public_services_shape_for_the_MIFARE_Classic_1K_ATR()
    {
        var json = await GetJson("/V1/parse2json?ATR=3B8F8001804F0CA000000306030001000000006A");
        Assert.Equal(["atr", "TS", "T0", "TA", "TB", "TC", "TD", "hb", "hbn", "TCK"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal([0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0, 0, 3, 6, 3, 0, 1, 0, 0, 0, 0, 0x6A], json.GetProperty("atr").EnumerateArray().Select(b => b.GetInt32()));
        Assert.Equal(0x3B, json.GetProperty("TS").GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.String, json.GetProperty("TS").GetProperty("description").ValueKind);
        Assert.Equal(0x8F, json.GetProperty("T0").GetProperty("value").GetInt32());
        Assert.Equal(["1", "2"], json.GetProperty("TD").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0x80, json.GetProperty("TD").GetProperty("1").GetProperty("value").GetInt32());
        Assert.Equal(0x01, json.GetProperty("TD").GetProperty("2").GetProperty("value").GetInt32());
        Assert.Contains("T=1", json.GetProperty("TD").GetProperty("2").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("TA").EnumerateObject());
        Assert.Equal(15, json.GetProperty("hbn").GetInt32());
        Assert.Equal(15, json.GetProperty("hb").GetProperty("value").GetArrayLength());
        Assert.Contains(json.GetProperty("hb").GetProperty("description").EnumerateArray(), d => d.GetString()!.Contains("MIFARE Classic 1K", StringComparison.Ordinal));
        Assert.Equal(0x6A, json.GetProperty("TCK").GetProperty("value").GetInt32());
        Assert.False(json.TryGetProperty("warning", out _));
    }

    [Fact]
    public async Task Parse2json_gives_TCK_minus_one_when_only_T0_is_indicated()
    {
        var json = await GetJson("/V1/parse2json?ATR=3B A7 00 40 18 80 65 A2 08 01 01 52");
        Assert.Equal(-1, json.GetProperty("TCK").GetProperty("value").GetInt32());
        // T0 = A7: TB1 and TD1; TD1 = 40: TC2 (the T=0 waiting time).
        Assert.Empty(json.GetProperty("TA").EnumerateObject());
        Assert.Equal(["1"], json.GetProperty("TB").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["2"], json.GetProperty("TC").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0x18, json.GetProperty("TC").GetProperty("2").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Parse2json_of_a_truncated_ATR_decodes_what_is_there_with_a_warning()
    {
        var json = await GetJson("/V1/parse2json?ATR=3B80");
        Assert.Equal("ATR is truncated", json.GetProperty("warning").GetString());
        Assert.Equal([0x3B, 0x80], json.GetProperty("atr").EnumerateArray().Select(b => b.GetInt32()));
    }

    [Fact]
    public async Task Parse2json_lists_extra_bytes_after_the_ATR()
    {
        var json = await GetJson("/V1/parse2json?ATR=3B 84 80 01 01 11 20 03 36 90 00");
        Assert.Contains("Extra bytes", json.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(json.GetProperty("extra").EnumerateArray());
    }

    [Fact]
    public async Task A_wrong_TCK_says_which_value_was_expected()
    {
        var json = await GetJson("/V1/parse2json?ATR=3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6");
        Assert.Equal("WRONG CHECKSUM, expected 0xB7", json.GetProperty("TCK").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("3B8F8001804F0CA000000306030001000000006A")]
    [InlineData("3b 8f 80 01 80 4f 0c a0 00 00 03 06 03 00 01 00 00 00 00 6a")]
    [InlineData("3B:8F:80:01:80:4F:0C:A0:00:00:03:06:03:00:01:00:00:00:00:6A")]
    [InlineData("  3B8F 8001 804F0CA0 00000306 03000100 0000006A  ")]
    public async Task Any_spacing_case_and_colons_give_the_same_answer(string atr)
    {
        var expected = (await GetJson("/V1/parse2json?ATR=" + TestLists.Mifare1K.Replace(" ", "", StringComparison.Ordinal))).GetRawText();
        Assert.Equal(expected, (await GetJson("/V1/parse2json?ATR=" + Uri.EscapeDataString(atr))).GetRawText());
        Assert.Equal(2, (await GetJson("/V1/match?ATR=" + Uri.EscapeDataString(atr))).EnumerateObject().Count());
    }

    [Fact]
    public async Task Match_maps_each_matching_pattern_to_its_descriptions()
    {
        var json = await GetJson("/V1/match?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K));
        var patterns = json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(d => d.GetString()).ToList());
        Assert.Equal(["NXP/Philips MIFARE Classic 1K (as per PCSC std part3)", "https://www.nxp.com/"], patterns[TestLists.Mifare1K]);
        Assert.Equal(["MIFARE Classic 1K (as per PCSC std part3)"], patterns["3B 8F 80 01 80 4F 0C A0 00 00 03 06 .. 00 01 00 00 00 00 .."]);
        Assert.Equal(2, patterns.Count);
    }

    [Fact]
    public async Task Match_of_an_unknown_ATR_is_an_empty_object()
    {
        var json = await GetJson("/V1/match?ATR=" + Uri.EscapeDataString(TestLists.Unknown));
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Empty(json.EnumerateObject());
    }

    [Theory]
    [InlineData("/V1/parse2json?ATR=zz")]
    [InlineData("/V1/parse2json?ATR=3B8")]
    [InlineData("/V1/parse2json")]
    [InlineData("/V1/match?ATR=%3Cscript%3E")]
    [InlineData("/V1/match?ATR=")]
    public async Task Text_that_is_not_hex_gets_a_problem_document(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_JSON_routes_and_nothing_else()
    {
        var json = await GetJson("/openapi/v1.json");
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("/V1/parse2json", paths);
        Assert.Contains("/V1/match", paths);
        Assert.Contains("/api/atr/{hex}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/admin", StringComparison.Ordinal) || p.StartsWith("/lang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Random_query_text_never_gets_a_server_error()
    {
        // Property: whatever the ATR text, parse2json answers 200 (decoded, maybe with a warning) or 400 (not hex), never 5xx.
        var random = new Random(1234);
        const string alphabet = "0123456789abcdefABCDEF :;<>&\"'%\u0000\u00e9\u0416\t\n";
        for (var i = 0; i < 300; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            using var response = await _client.GetAsync("/V1/parse2json?ATR=" + Uri.EscapeDataString(text), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {text}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.Equal(CardKit.Hex.Parse(text).Length, json.RootElement.GetProperty("atr").GetArrayLength());
            }
        }
    }
}
