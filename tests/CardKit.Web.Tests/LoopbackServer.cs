using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>The real cardkit-web on loopback, one for a whole test class, with the test list.</summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    private readonly TempPath _directory = TempPath.Directory();
    private readonly TempPath _list = TempPath.WithText(TestLists.Text, ".txt");

    public WebServerProcess Process { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Process = await WebServerProcess.StartAsync(["--db", Path.Combine(_directory.Path, "web.db"), "--list", _list.Path]);

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
            await Process.DisposeAsync();
        _list.Dispose();
        _directory.Dispose();
    }
}
