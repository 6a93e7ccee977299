using System.Net;
using System.Net.Http.Headers;

namespace CardKit.Web.Tests;

/// <summary>The APDU script page on the in-process virtual SIM: the library's ScriptRunner behind a form.</summary>
public sealed class ScriptConsoleTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<AngleSharp.Dom.IDocument> RunAsync(HttpClient client, string script, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var page = await Html.GetAsync(client, "/console/script");
        using var form = Html.Form(("__af", Html.Token(page, "/console/script")), ("reader", "emu:sim"), ("Text", script));
        using var response = await client.PostAsync("/console/script?handler=run", form, Cancel);
        Assert.Equal(expected, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task The_example_runs_on_the_virtual_SIM_with_every_response_explained_and_checked()
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/script");
        var script = page.QuerySelector("textarea#script")!.TextContent;
        var result = await RunAsync(client, script);
        var rows = result.QuerySelectorAll("table.results tbody tr");
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Equal("match", r.ClassName));
        // The PIN of VERIFY is masked; each command is named and each status word explained.
        Assert.Contains("**", rows[0].QuerySelector("code")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("VERIFY", rows[0].QuerySelector(".decoded")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("READ RECORD", rows[3].QuerySelector(".decoded")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("90 00", rows[3].QuerySelectorAll("code")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("4 steps, 4 expectations checked, 0 not met.", result.QuerySelector(".summary")!.TextContent);
    }

    [Fact]
    public async Task An_unmet_expectation_is_marked()
    {
        using var client = server.BrowserClient();
        var result = await RunAsync(client, "A0 A4 00 00 02 3F 00 = 6A 82\nreset\nA0 A4 00 00 02 7F 10 = * 90 00\n");
        var rows = result.QuerySelectorAll("table.results tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal("mismatch", rows[0].ClassName);
        Assert.Equal("NOT as expected", rows[0].QuerySelector(".status-bad")!.TextContent);
        Assert.StartsWith("ATR ", rows[1].QuerySelectorAll("code")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("match", rows[2].ClassName);
        Assert.Equal("3 steps, 2 expectations checked, 1 not met.", result.QuerySelector(".summary")!.TextContent);
    }

    [Fact]
    public async Task A_script_that_does_not_parse_sends_nothing_and_names_the_line()
    {
        using var client = server.BrowserClient();
        var result = await RunAsync(client, "A0 A4 00 00 02 3F 00\nA0 ZZ\n", HttpStatusCode.UnprocessableEntity);
        Assert.Contains("line 2", result.QuerySelector("p.error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(result.QuerySelectorAll("table.results"));
    }

    [Fact]
    public async Task A_script_is_saved_by_download_and_loaded_by_upload()
    {
        using var client = server.BrowserClient();
        var page = await Html.GetAsync(client, "/console/script");
        var token = Html.Token(page, "/console/script");
        const string script = "# mine\r\nA0 A4 00 00 02 3F 00 = 9F ..\r\n";
        using var save = Html.Form(("__af", token), ("reader", "emu:sim"), ("Text", script));
        using var saved = await client.PostAsync("/console/script?handler=download", save, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("attachment", saved.Content.Headers.ContentDisposition?.DispositionType);
        var text = await saved.Content.ReadAsStringAsync(Cancel);
        Assert.Equal("# mine\nA0 A4 00 00 02 3F 00 = 9F ..\n", text);

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__af" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        upload.Add(file, "file", "mine.script");
        using var loaded = await client.PostAsync("/console/script?handler=upload", upload, Cancel);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var editor = await Html.ParseAsync(await loaded.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(text, editor.QuerySelector("textarea#script")!.TextContent);
    }
}
