using Microsoft.Extensions.Logging;

namespace CardKit.Cli;

/// <summary>
/// The CLI's logger for libraries that log (the vpcd client of `emulate`): one plain line per
/// message on a writer (stderr), no framework, nothing reflection-based (native AOT).
/// </summary>
internal sealed class TextWriterLogger(TextWriter writer, LogLevel minimum = LogLevel.Information) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
            return;
        var message = formatter(state, exception);
        writer.WriteLine(exception is null ? message : $"{message}: {exception}");
    }
}
