using System.Net;

namespace CardKit.Web.Tests;

/// <summary>Keeps cookies between requests like a browser, for clients whose handler does not.</summary>
public sealed class CookieHandler : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = Cookies.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
            request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
                Cookies.SetCookies(request.RequestUri!, value);
        }
        return response;
    }
}
