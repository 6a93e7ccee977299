using System.Net;
using System.Text.Json;

namespace CardKit.Web.Tests;

/// <summary>Every route of the real server on loopback: status, media type, the header set, and the public JSON shapes.</summary>
public sealed class LoopbackRouteTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly string[] Parse2JsonKeys = ["atr", "TS", "T0", "TA", "TB", "TC", "TD", "hb", "hbn", "TCK"];

    public static TheoryData<string, int, string> Routes => new()
    {
        { "/", 200, "text/html" },
        { "/parse?ATR=" + Uri.EscapeDataString(TestLists.Mifare1K), 200, "text/html" },
        { "/parse?ATR=3B80", 200, "text/html" },
        { "/parse?ATR=nothex", 400, "text/html" },
        { "/V1/parse2json?ATR=3B8F8001804F0CA000000306030001000000006A", 200, "application/json" },
        { "/V1/parse2json?ATR=3B80", 200, "application/json" },
        { "/V1/parse2json?ATR=xyz", 400, "application/problem+json" },
        { "/V1/match?ATR=3B:8F:80:01:80:4F:0C:A0:00:00:03:06:03:00:01:00:00:00:00:6A", 200, "application/json" },
        { "/V1/match?ATR=", 400, "application/problem+json" },
        { "/api/atr/3B8F8001804F0CA000000306030001000000006A", 200, "application/json" },
        { "/api/atr/3B8", 400, "application/problem+json" },
        { "/openapi/v1.json", 200, "application/json" },
        { "/site.css", 200, "text/css" },
        { "/console.js", 200, "text/javascript" },
        { "/admin/login", 200, "text/html" },
        { "/admin", 302, "" },
        { "/admin/export", 302, "" },
        { "/lang/ru?return=/", 302, "" },
        { "/console", 200, "text/html" },
        { "/console/phonebook?reader=emu:usim", 200, "text/html" },
        { "/console/script?reader=emu:iso", 200, "text/html" },
        { "/no/such/page", 404, "application/problem+json" },
        { "/parse?ATR=" + new string('3', 4000), 414, "application/problem+json" },
    };

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Routes))]
    public async Task Every_route_answers_on_loopback_with_the_header_set(string url, int status, string mediaType)
    {
        using var client = server.Process.Client();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        if (mediaType.Length > 0)
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        if (url.StartsWith("/V1/parse2json", StringComparison.Ordinal) && status == 200)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(Parse2JsonKeys, json.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n is not ("extra" or "warning")));
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("atr").ValueKind);
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("hbn").ValueKind);
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("TCK").GetProperty("value").ValueKind);
        }
        if (url.StartsWith("/V1/match", StringComparison.Ordinal) && status == 200)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.All(p.Value.EnumerateArray(), d => Assert.Equal(JsonValueKind.String, d.ValueKind)));
            Assert.NotEmpty(json.RootElement.EnumerateObject());
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task The_event_stream_is_served_as_server_sent_events()
    {
        using var client = server.Process.Client();
        using var response = await client.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(": connected", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
    }
}
