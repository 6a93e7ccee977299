using System.Text;

namespace CardKit.Cli.Tests;

/// <summary>
/// A thread-safe writer that keeps what a running command wrote and lets a test wait for a line:
/// the signal that the command got somewhere, instead of a fixed sleep.
/// </summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private int _lineStart;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            if (value != '\n')
                return;
            var line = _text.ToString(_lineStart, _text.Length - _lineStart).TrimEnd('\r', '\n');
            _lineStart = _text.Length;
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Found.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    /// <summary>The first line (already written or to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
                return Task.FromResult(line);
            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(cancellationToken);
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return _text.ToString();
    }
}
