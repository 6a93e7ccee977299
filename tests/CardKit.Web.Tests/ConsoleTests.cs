using System.Net;
using CardKit.Web.CardConsole;

namespace CardKit.Web.Tests;

/// <summary>The card console's access rule and its phone book page on the in-process virtual SIM (no pcscd needed).</summary>
public sealed class ConsoleTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://192.0.2.1:80", false)]
    [InlineData("https://example.org", false)]
    public void The_console_is_on_by_itself_only_on_loopback(string urls, bool loopback) =>
        Assert.Equal(loopback, ConsoleAccess.OnlyLoopback(urls));

    [Fact]
    public async Task Beyond_loopback_the_console_is_off_without_the_option()
    {
        await using var open = InProcessServer.With("--urls", "http://0.0.0.0:5080");
        using var client = open.Client();
        using var response = await client.GetAsync("/console", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var home = await Html.GetAsync(client, "/");
        Assert.Null(home.QuerySelector("a[href='/console']"));
    }

    [Fact]
    public async Task With_the_option_every_console_request_needs_the_token()
    {
        await using var open = InProcessServer.With("--urls", "http://0.0.0.0:5080", "--console", "--CardKit:ConsoleToken=s3cret-token");
        using var stranger = open.Client();
        foreach (var url in new[] { "/console", "/console/phonebook", "/console/events", "/console/phonebook?token=wrong" })
        {
            using var refused = await stranger.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var owner = open.BrowserClient();
        var page = await Html.GetAsync(owner, "/console?token=s3cret-token");
        Assert.NotNull(page.QuerySelector("#readers"));
        // The cookie carries it from then on.
        await Html.GetAsync(owner, "/console/phonebook");
        using var bearer = open.Client();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-token");
        await Html.GetAsync(bearer, "/console/phonebook");
    }

    [Fact]
    public async Task Console_pages_allow_their_own_script_and_nothing_inline()
    {
        using var client = server.Client();
        using var response = await client.GetAsync("/console", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Cancel));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("/console.js", s.GetAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("[style], [onclick], [onload]"));
    }

    [Fact]
    public async Task The_phone_book_shows_tries_left_then_the_entries_after_the_PIN()
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/phonebook?reader=emu:sim");
        Assert.Equal("The PIN is enabled: 3 tries left.", page.QuerySelector(".pin-state")!.TextContent.Trim());
        using var form = Html.Form(("__af", Html.Token(page, "/console/phonebook")), ("pin", "1234"), ("format", "table"));
        using var response = await client.PostAsync("/console/phonebook?reader=emu:sim", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Cancel));
        var rows = table.QuerySelectorAll("table.phonebook tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.QuerySelectorAll("td")[1].TextContent)));
        // The PIN is never written back into the page.
        Assert.DoesNotContain("1234", table.QuerySelector("form.pin-form")!.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vcard", "text/vcard", "BEGIN:VCARD")]
    [InlineData("csv", "text/csv", "record,name,number")]
    public async Task The_phone_book_downloads_as_vCard_or_CSV(string format, string mediaType, string start)
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/phonebook?reader=emu:usim");
        using var form = Html.Form(("__af", Html.Token(page, "/console/phonebook")), ("pin", "1234"), ("format", format));
        using var response = await client.PostAsync("/console/phonebook?reader=emu:usim", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_PIN_says_the_card_refused_and_the_tries_left_drop()
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/phonebook?reader=emu:sim");
        using var form = Html.Form(("__af", Html.Token(page, "/console/phonebook")), ("pin", "9999"), ("format", "table"));
        using var response = await client.PostAsync("/console/phonebook?reader=emu:sim", form, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Cancel));
        Assert.StartsWith("The card refused:", result.QuerySelector("p.error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(result.QuerySelectorAll("table.phonebook"));
    }

    [Fact]
    public async Task An_unknown_virtual_card_is_explained()
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/phonebook?reader=emu:nothing");
        Assert.StartsWith("The card cannot be reached:", page.QuerySelector("p.error")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
