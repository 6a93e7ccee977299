using System.Diagnostics;

namespace CardKit;

/// <summary>A channel decorator that reports every exchange to an <see cref="IApduObserver"/>.</summary>
public sealed class TracingChannel : ICardChannel
{
    private readonly ICardChannel _inner;
    private readonly IApduObserver _observer;
    private readonly bool _ownsInner;

    /// <summary>Wraps <paramref name="inner"/> and reports its exchanges, errors and resets to <paramref name="observer"/>.</summary>
    /// <param name="inner">The channel that does the transmitting.</param>
    /// <param name="observer">Receives each exchange with its elapsed time.</param>
    /// <param name="ownsInner"><see langword="true"/> to dispose <paramref name="inner"/> with this channel.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> or <paramref name="observer"/> is null.</exception>
    public TracingChannel(ICardChannel inner, IApduObserver observer, bool ownsInner = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        _ownsInner = ownsInner;
    }

    /// <inheritdoc />
    public string ReaderName => _inner.ReaderName;
    /// <inheritdoc />
    public ReadOnlyMemory<byte> Atr => _inner.Atr;
    /// <inheritdoc />
    public CardProtocol Protocol => _inner.Protocol;

    /// <inheritdoc />
    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var start = Stopwatch.GetTimestamp();
        int length;
        try
        {
            length = _inner.Transmit(command, response);
        }
        catch (Exception e)
        {
            _observer.OnError(ReaderName, command, e, Stopwatch.GetElapsedTime(start));
            throw;
        }
        _observer.OnExchange(ReaderName, command, response[..length], Stopwatch.GetElapsedTime(start));
        return length;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _inner.Reset();
        _observer.OnReset(ReaderName, _inner.Atr.Span);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsInner)
            _inner.Dispose();
    }
}
