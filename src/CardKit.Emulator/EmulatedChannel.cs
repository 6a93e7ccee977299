namespace CardKit.Emulator;

/// <summary>
/// An in-process reader holding a <see cref="VirtualCard"/>: the same card logic pcscd sees
/// through vpcd, without pcscd. Transmit allocates nothing.
/// </summary>
public sealed class EmulatedChannel : ICardChannel
{
    private readonly VirtualCard _card;
    private bool _disposed;

    public EmulatedChannel(VirtualCard card, string? readerName = null)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        ReaderName = readerName ?? "emu:" + card.Kind;
        _card.PowerOn();
    }

    public string ReaderName { get; }

    public ReadOnlyMemory<byte> Atr => _card.Atr;

    public CardProtocol Protocol => _card.Protocol;

    /// <summary>The card behind the channel.</summary>
    public VirtualCard Card => _card;

    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _card.Process(command, response);
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _card.Reset();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _card.PowerOff();
    }
}
