using System.Diagnostics;

namespace CardKit;

/// <summary>A channel decorator that reports every exchange to an <see cref="IApduObserver"/>.</summary>
public sealed class TracingChannel : ICardChannel
{
    private readonly ICardChannel _inner;
    private readonly IApduObserver _observer;
    private readonly bool _ownsInner;

    public TracingChannel(ICardChannel inner, IApduObserver observer, bool ownsInner = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        _ownsInner = ownsInner;
    }

    public string ReaderName => _inner.ReaderName;
    public ReadOnlyMemory<byte> Atr => _inner.Atr;
    public CardProtocol Protocol => _inner.Protocol;

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

    public void Reset()
    {
        _inner.Reset();
        _observer.OnReset(ReaderName, _inner.Atr.Span);
    }

    public void Dispose()
    {
        if (_ownsInner)
            _inner.Dispose();
    }
}
