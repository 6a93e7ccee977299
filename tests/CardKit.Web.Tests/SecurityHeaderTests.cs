using System.Net;
using System.Text;

namespace CardKit.Web.Tests;

/// <summary>The Observatory A+ header set, exactly, on every kind of response.</summary>
public sealed class SecurityHeaderTests(InProcessServer server) : IClassFixture<InProcessServer>, IAsyncLifetime
{
    private const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] SecurityHeaders =
        ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy",
         "Cross-Origin-Resource-Policy", "Permissions-Policy", "Strict-Transport-Security"];

    private readonly InProcessServer _server = server;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string, int> Routes => new()
    {
        { "GET", "/", 200 },
        { "GET", "/parse?ATR=3B8F8001804F0CA000000306030001000000006A", 200 },
        { "GET", "/parse?ATR=3B80", 200 },
        { "GET", "/parse?ATR=xyz", 400 },
        { "GET", "/V1/parse2json?ATR=3B8F8001804F0CA000000306030001000000006A", 200 },
        { "GET", "/V1/parse2json?ATR=nothex", 400 },
        { "GET", "/V1/match?ATR=3B8F8001804F0CA000000306030001000000006A", 200 },
        { "GET", "/openapi/v1.json", 200 },
        { "GET", "/api/atr/3B8F8001804F0CA000000306030001000000006A", 200 },
        { "GET", "/api/atr/zz", 400 },
        { "GET", "/site.css", 200 },
        { "GET", "/robots.txt", 200 },
        { "GET", "/no/such/route", 404 },
        { "GET", "/admin/login", 200 },
        { "GET", "/admin", 302 },
        { "GET", "/admin/export", 302 },
        { "GET", "/lang/fr?return=/", 302 },
        { "GET", "/lang/xx", 404 },
        { "POST", "/submit", 400 },
        { "DELETE", "/V1/parse2json", 405 },
        { "GET", "/parse?ATR=" + new string('A', 5000), 414 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_response_carries_exactly_the_header_set(string method, string url, int status)
    {
        foreach (var https in new[] { false, true })
        {
            using var client = _server.Client(https ? "https://localhost/" : "http://localhost/");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(status, (int)response.StatusCode);
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(Csp, headers["Content-Security-Policy"]);
            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
            Assert.Equal("DENY", headers["X-Frame-Options"]);
            Assert.Equal("no-referrer", headers["Referrer-Policy"]);
            Assert.Equal("same-origin", headers["Cross-Origin-Opener-Policy"]);
            Assert.Equal("same-origin", headers["Cross-Origin-Resource-Policy"]);
            Assert.Equal("camera=(), microphone=(), geolocation=(), usb=(), payment=()", headers["Permissions-Policy"]);
            if (https)
                Assert.Equal("max-age=63072000; includeSubDomains", headers["Strict-Transport-Security"]);
            else
                Assert.False(headers.ContainsKey("Strict-Transport-Security"), "HSTS over plain HTTP is ignored by browsers (RFC 6797 §8.1) and must not be sent");
            Assert.False(headers.ContainsKey("Server"));
            Assert.False(headers.ContainsKey("X-Powered-By"));
            // Every cookie: HttpOnly, SameSite, and Secure over HTTPS.
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
                    Assert.Matches("(?i)samesite=(strict|lax)", cookie);
                    if (https)
                        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
                }
            }
            if (status >= 400 && !url.StartsWith("/parse", StringComparison.Ordinal) && url != "/submit")
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.NotEmpty(SecurityHeaders);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_before_antiforgery_or_form_parsing()
    {
        using var client = _server.Client();
        using var body = new StringContent("Description=" + new string('x', 200_000), Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync("/submit", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Csp, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Over_HTTPS_cookies_are_Host_prefixed_Secure_HttpOnly_and_SameSite()
    {
        await using var secure = InProcessServer.With("--urls", "https://127.0.0.1:5443");
        using var client = secure.Client("https://localhost/");
        using var response = await client.GetAsync("/parse?ATR=" + Uri.EscapeDataString(TestLists.Unknown), TestContext.Current.CancellationToken);
        using var language = await client.GetAsync("/lang/fr?return=/", TestContext.Current.CancellationToken);
        var cookies = response.Headers.GetValues("Set-Cookie").Concat(language.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, cookie =>
        {
            Assert.StartsWith("__Host-cardkit-", cookie, StringComparison.Ordinal);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("(?i)samesite=(strict|lax)", cookie);
        });
    }
}
