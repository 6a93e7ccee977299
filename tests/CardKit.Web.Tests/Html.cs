using AngleSharp;
using AngleSharp.Dom;

namespace CardKit.Web.Tests;

/// <summary>Pages parsed as a browser would (AngleSharp), and the antiforgery token they carry.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The antiforgery field of the first form posting to <paramref name="action"/>.</summary>
    public static string Token(IDocument page, string action)
    {
        var form = page.QuerySelectorAll("form[method=post]").FirstOrDefault(f => f.GetAttribute("action")?.StartsWith(action, StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"no form posting to {action}:\n{page.Body?.OuterHtml}");
        return form.QuerySelector("input[name=__af]")?.GetAttribute("value") ?? throw new InvalidOperationException($"the form posting to {action} has no antiforgery field");
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
