using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CardKit.Testing;

namespace CardKit.Web.Tests;

/// <summary>
/// The real cardkit-web program on loopback, on a free port the server picks (port 0) and prints:
/// the test waits for that line, never for a fixed time. Kill() is kill -9.
/// </summary>
public sealed partial class WebServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebServerProcess(IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            // Started from elsewhere on purpose: it must find its files in its own directory.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
            psi.ArgumentList.Add(arg);
        psi.Environment["DOTNET_gcServer"] = "0";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                psi.Environment[key] = value;
        }
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"cardkit-web exited ({_process.ExitCode}) before listening:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The program the tests run: the web project's own build output.</summary>
    public static string Program => Path.Combine(Pcscd.RepoRoot, "src", "CardKit.Web", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "cardkit-web");

    /// <summary>The base address the server prints once it listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the server wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts cardkit-web with <paramref name="args"/> (plus a free loopback port) and waits until it listens.</summary>
    public static async Task<WebServerProcess> StartAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var server = new WebServerProcess(["--urls", "http://127.0.0.1:0", .. args], environment);
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A client for this server that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client(CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Waits until the server has written a line containing <paramref name="text"/> (at most <paramref name="timeout"/>).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
                return;
            _watchers.Add((text, seen));
        }
        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"cardkit-web did not write '{text}' within {timeout.TotalSeconds} s:\n{Output}");
        }
    }

    private readonly List<(string Text, TaskCompletionSource Seen)> _watchers = [];

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var watcher in _watchers.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                watcher.Seen.TrySetResult();
                _watchers.Remove(watcher);
            }
        }
        if (ListeningLine().Match(line) is { Success: true } match)
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
    }
}
