namespace CardKit;

/// <summary>
/// Sees every exchange on a channel: command, response, elapsed time. The CLI's --trace and the
/// spy decoder render these events; protocol code never prints.
/// </summary>
public interface IApduObserver
{
    /// <summary>One command and its raw response (status bytes included).</summary>
    void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed);

    /// <summary>A transmit or reset that failed; the exception is rethrown to the caller afterwards.</summary>
    void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed);

    /// <summary>A reset; <paramref name="atr"/> is the new ATR.</summary>
    void OnReset(string readerName, ReadOnlySpan<byte> atr);
}
