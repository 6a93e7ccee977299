using System.Diagnostics;
using System.Text;

namespace CardKit.Testing;

/// <summary>
/// A real process a test talks to while it runs: stdout and stderr are collected as they come, so
/// the test can wait for a line ("ACCEPT", "listening on ...") instead of sleeping; every wait has a
/// timeout, and the whole process tree is killed on dispose if it is still running.
/// </summary>
public sealed class WatchedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WatchedProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(Pump(process.StandardOutput, _stdout), Pump(process.StandardError, _stderr));
    }

    /// <summary>Starts <paramref name="psi"/> with its three streams redirected.</summary>
    public static WatchedProcess Start(ProcessStartInfo psi)
    {
        ArgumentNullException.ThrowIfNull(psi);
        psi.RedirectStandardInput = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        return new WatchedProcess(Process.Start(psi) ?? throw new InvalidOperationException($"{psi.FileName} did not start"));
    }

    /// <summary>Everything the process wrote to stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_gate)
                return _stdout.ToString();
        }
    }

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_gate)
                return _stderr.ToString();
        }
    }

    /// <summary>Writes to the process's stdin.</summary>
    public void Write(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    /// <summary>Closes the process's stdin (end of input).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout or stderr (<paramref name="onStderr"/>) contains <paramref name="text"/>.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="timeout"/>, or the process ended without writing it.</exception>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken, bool onStderr = false) =>
        WaitUntilAsync(() => (onStderr ? Stderr : Stdout).Contains(text, StringComparison.Ordinal), $"'{text}' on {(onStderr ? "stderr" : "stdout")}", timeout, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds; it is checked whenever the process writes.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            if (condition())
                return;
            if (_reading.IsCompleted)
                throw new TimeoutException($"{_process.StartInfo.FileName} ended without {what}; stdout: {Stdout}; stderr: {Stderr}");
            try
            {
                await Task.WhenAny(changed, _reading).WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no {what} from {_process.StartInfo.FileName} within {timeout.TotalSeconds} s; stdout: {Stdout}; stderr: {Stderr}");
            }
        }
    }

    /// <summary>Waits for the process to end and its output to be read; returns the exit code.</summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> (it is then killed).</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await _reading.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_process.StartInfo.FileName} did not end within {timeout.TotalSeconds} s; stdout: {Stdout}; stderr: {Stderr}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process tree if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended in between.
        }
        _process.Dispose();
    }

    private async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                into.Append(buffer, 0, read);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            // The other stream's pump may have ended and completed this one already.
            changed.TrySetResult();
        }
        lock (_gate)
            _changed.TrySetResult();
    }
}
