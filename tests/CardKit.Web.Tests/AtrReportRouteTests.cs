using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>/api/atr/{hex} is exactly the record `cardkit atr --json` prints.</summary>
public sealed class AtrReportRouteTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Cli => Environment.GetEnvironmentVariable("CARDKIT_BINARY") is { Length: > 0 } binary
        ? binary
        : Path.Combine(Pcscd.RepoRoot, "src", "CardKit.Cli", "bin",
#if DEBUG
            "Debug",
#else
            "Release",
#endif
            "net10.0", "cardkit");

    [Theory(Timeout = 60_000)]
    [InlineData(TestLists.Mifare1K)]
    [InlineData("3B 80")]
    [InlineData("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6")]
    [InlineData("3F FF 95 00 FF 91 81 71 A0 47 00 44 4E 41 53 50 30 31 31 20 52 65 76 42 30 36 4E")]
    public async Task The_route_returns_what_the_command_line_prints(string atr)
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var client = server.Client();
        using var response = await client.GetAsync("/api/atr/" + atr.Replace(" ", "", StringComparison.Ordinal), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var web = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel));

        var psi = new ProcessStartInfo(Cli) { ArgumentList = { "atr", "--json", "--list", server.ListPath, atr } };
        var (_, stdout, stderr) = await ProcessRunner.RunAsync(psi, null, TimeSpan.FromSeconds(60), Cancel);
        var cli = JsonNode.Parse(stdout);
        Assert.True(JsonNode.DeepEquals(cli, web), $"web:\n{web}\ncli:\n{stdout}{stderr}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Text_that_is_not_hex_gets_a_problem_document()
    {
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        using var client = server.Client();
        using var response = await client.GetAsync("/api/atr/3B8Z", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
