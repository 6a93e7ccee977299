using System.Net;

namespace CardKit.Web.Tests;

/// <summary>The /parse page: the byte tree, statistics, defects, identification, the submission form.</summary>
public sealed class ParsePageTests(InProcessServer server) : IClassFixture<InProcessServer>, IAsyncLifetime
{
    private readonly InProcessServer _server = server;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _server.Client();
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_MIFARE_Classic_1K_ATR_is_explained_byte_by_byte_and_identified()
    {
        var page = await Html.GetAsync(_client, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K));
        var fields = page.QuerySelectorAll("ul.tree .field").Select(f => f.TextContent).ToList();
        Assert.Equal(["TS", "T0", "TD1", "TD2", "Historical bytes"], fields.Take(5));
        // Historical bytes are a subtree of their line.
        Assert.Contains(page.QuerySelectorAll("ul.tree > li > ul > li .meaning"), m => m.TextContent.Contains("MIFARE Classic 1K", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("dl.matches dd"), d => d.TextContent == "NXP/Philips MIFARE Classic 1K (as per PCSC std part3)");
        Assert.Contains(page.QuerySelectorAll("dl.matches dt"), d => d.TextContent == TestLists.Mifare1K);
        Assert.Null(page.QuerySelector("form.submit-form"));
        Assert.NotNull(page.QuerySelector($"a[href='/V1/parse2json?ATR={TestLists.Mifare1K.Replace(" ", "", StringComparison.Ordinal)}']"));
    }

    [Fact]
    public async Task Each_byte_says_how_common_its_value_is_among_the_known_ATRs()
    {
        // The test list names 3 ATRs exactly (plus 1 with wildcards): TS 3B in all of them, T0 8F in one.
        var page = await Html.GetAsync(_client, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K));
        var shares = page.QuerySelectorAll("ul.tree .share").Select(s => s.TextContent).ToList();
        Assert.Contains("TS = 3B: 100.0% of the known ATRs", shares);
        Assert.Contains("T0 = 8F: 33.3% of the known ATRs", shares);
    }

    [Fact]
    public async Task An_unknown_ATR_offers_the_submission_form_with_antiforgery_and_honeypot()
    {
        var page = await Html.GetAsync(_client, "/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown));
        Assert.NotNull(page.QuerySelector("p.unknown"));
        var form = page.QuerySelector("form.submit-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=__af]"));
        Assert.NotNull(form.QuerySelector(".hp input[name=Website]"));
        Assert.NotNull(form.QuerySelector("textarea[name=Description][required]"));
    }

    [Theory]
    [InlineData("3B80", "MissingInterfaceByte")]
    [InlineData("3B 84 80 01 01 11 20 03 36 90 00", "ExtraBytes")]
    [InlineData("3C 00", "InvalidTs")]
    [InlineData("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6", "TckWrong")]
    public async Task A_malformed_ATR_gets_its_decoded_part_and_the_defects_with_status_200(string atr, string defect)
    {
        var page = await Html.GetAsync(_client, "/parse?ATR=" + Uri.EscapeDataString(atr));
        Assert.NotEmpty(page.QuerySelectorAll("ul.tree li"));
        var defects = page.QuerySelectorAll("ul.defects li.defect").Select(d => d.TextContent).ToList();
        Assert.NotEmpty(defects);
        Assert.All(defects, d => Assert.Matches(@"at byte \d+", d));
        Assert.True(defect.Length > 0);
    }

    [Fact]
    public async Task Text_that_is_not_hex_is_refused_with_400_and_the_reason()
    {
        var page = await Html.GetAsync(_client, "/parse?ATR=" + Uri.EscapeDataString("<script>alert(1)</script>"), HttpStatusCode.BadRequest);
        Assert.Contains("not a hex digit", page.QuerySelector("p.error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("input#atr")!.GetAttribute("value"));
    }
}
