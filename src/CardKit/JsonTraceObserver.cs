using System.Text.Json;
using CardKit.Capture;
using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// Writes channel events as JSON lines (<see cref="TraceEvent"/>, source-generated), one line per
/// event, flushed: the machine-readable --trace, which `emulate replay` plays back. PIN data is
/// masked unless <see cref="ShowSecrets"/> is set (a masked log replays up to its first VERIFY).
/// </summary>
public sealed class JsonTraceObserver(TextWriter writer) : IApduObserver
{
    /// <summary>Write PINs in clear.</summary>
    public bool ShowSecrets { get; init; }

    /// <inheritdoc/>
    public void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed) =>
        Write(new TraceEvent
        {
            Time = Now(), Reader = readerName, Message = "exchange", ElapsedMs = elapsed.TotalMilliseconds,
            Apdu = CommandSummary.Of(command, ShowSecrets), Response = ResponseSummary.Of(response, command),
        });

    /// <inheritdoc/>
    public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Write(new TraceEvent
        {
            Time = Now(), Reader = readerName, Message = "error", ElapsedMs = elapsed.TotalMilliseconds,
            Apdu = CommandSummary.Of(command, ShowSecrets), Error = exception.Message,
        });
    }

    /// <summary>The card the trace starts with: its reader and ATR (a "connect" line, which a replay takes its ATR from).</summary>
    public void OnConnect(string readerName, ReadOnlySpan<byte> atr) =>
        Write(new TraceEvent { Time = Now(), Reader = readerName, Message = "connect", Atr = Hex.Format(atr, '\0') });

    /// <inheritdoc/>
    public void OnReset(string readerName, ReadOnlySpan<byte> atr) =>
        Write(new TraceEvent { Time = Now(), Reader = readerName, Message = "reset", Atr = Hex.Format(atr, '\0') });

    private void Write(TraceEvent e)
    {
        writer.WriteLine(JsonSerializer.Serialize(e, CardKitJsonContext.Default.TraceEvent));
        writer.Flush();
    }

    private static string Now() => SpyTime.Format((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100);
}
