using System.Net;

namespace CardKit.Web.Tests;

/// <summary>What a visitor and a moderator do, over HTTP, the way a browser does it (forms, tokens, cookies).</summary>
public static class WebFlows
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The antiforgery token of the submission form on the ATR's page.</summary>
    public static async Task<string> SubmissionTokenAsync(HttpClient client, string atr)
    {
        var page = await Html.GetAsync(client, "/parse?ATR=" + Uri.EscapeDataString(atr));
        return Html.Token(page, "/submit");
    }

    /// <summary>Posts the submission form; returns the response (302 to the ATR's page when stored).</summary>
    public static async Task<HttpResponseMessage> PostSubmissionAsync(HttpClient client, string token, string atr, string description,
        string url = "", string contact = "", string website = "", CancellationToken cancellationToken = default)
    {
        using var form = Html.Form(("__af", token), ("Atr", atr), ("Description", description), ("Url", url), ("Contact", contact), ("Website", website));
        return await client.PostAsync("/submit", form, cancellationToken == default ? Cancel : cancellationToken);
    }

    /// <summary>Submits a description the way the form does; asserts it was acknowledged.</summary>
    public static async Task SubmitAsync(HttpClient client, string atr, string description, string url = "", string contact = "")
    {
        var token = await SubmissionTokenAsync(client, atr);
        using var response = await PostSubmissionAsync(client, token, atr, description, url, contact);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("submitted=true", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Logs in on /admin/login; asserts it worked.</summary>
    public static async Task LoginAsync(HttpClient client, string name, string password)
    {
        var page = await Html.GetAsync(client, "/admin/login");
        using var form = Html.Form(("__af", Html.Token(page, "/admin/login")), ("userName", name), ("password", password));
        using var response = await client.PostAsync("/admin/login", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    /// <summary>Accepts (reason null) or rejects the pending submission with <paramref name="description"/> from the review queue.</summary>
    public static async Task DecideAsync(HttpClient client, string description, string? rejectReason = null)
    {
        var page = await Html.GetAsync(client, "/admin");
        var row = page.QuerySelectorAll("table.queue tbody tr").FirstOrDefault(r => r.QuerySelector(".description")?.TextContent == description)
            ?? throw new InvalidOperationException($"'{description}' is not in the review queue:\n{page.DocumentElement.OuterHtml}");
        var handler = rejectReason is null ? "accept" : "reject";
        var form = row.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.EndsWith("handler=" + handler, StringComparison.Ordinal));
        var fields = new List<(string, string)>
        {
            ("__af", form.QuerySelector("input[name=__af]")!.GetAttribute("value")!),
            ("id", form.QuerySelector("input[name=id]")!.GetAttribute("value")!),
        };
        if (rejectReason is not null)
            fields.Add(("reason", rejectReason));
        using var content = Html.Form([.. fields]);
        using var response = await client.PostAsync(form.GetAttribute("action"), content, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The descriptions /V1/match gives for <paramref name="atr"/>.</summary>
    public static async Task<List<string>> MatchAsync(HttpClient client, string atr)
    {
        using var response = await client.GetAsync("/V1/match?ATR=" + Uri.EscapeDataString(atr), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return [.. json.RootElement.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(d => d.GetString()!)];
    }
}
