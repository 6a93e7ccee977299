using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>
/// cardkit-web in process on ASP.NET Core's TestServer, composed exactly as the program composes it
/// (WebApp.CreateBuilder + WebApp.Build), on a SQLite file of its own and the test list.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempPath _directory = TempPath.Directory();

    public InProcessServer()
        : this([])
    {
    }

    /// <summary>A server started with more command-line options.</summary>
    public static InProcessServer With(params string[] extraArgs) => new(extraArgs);

    private InProcessServer(string[] extraArgs)
    {
        Directory = _directory.Path;
        ListPath = TestLists.Write(Directory);
        var args = new List<string> { "--db", Path.Combine(Directory, "web.db"), "--list", ListPath, "--urls", "http://127.0.0.1:5080" };
        args.AddRange(extraArgs);
        var builder = WebApp.CreateBuilder([.. args]);
        builder.WebHost.UseTestServer();
        _app = WebApp.Build(builder);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public string Directory { get; }

    public string ListPath { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client(string baseAddress = "http://localhost/")
    {
        var server = _app.GetTestServer();
        server.BaseAddress = new Uri(baseAddress);
        var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>A client with a cookie jar (TestServer's handler does not keep cookies on its own).</summary>
    public HttpClient BrowserClient(string baseAddress = "http://localhost/")
    {
        var server = _app.GetTestServer();
        server.BaseAddress = new Uri(baseAddress);
        var handler = new CookieHandler { InnerHandler = server.CreateHandler() };
        return new HttpClient(handler) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
