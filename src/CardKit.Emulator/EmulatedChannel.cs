namespace CardKit.Emulator;

/// <summary>
/// An in-process reader holding a <see cref="VirtualCard"/>: the same card logic pcscd sees
/// through vpcd, without pcscd. Transmit allocates nothing. Its control channel answers
/// CM_IOCTL_GET_FEATURE_REQUEST like a PC/SC reader: with no feature, or with a
/// <see cref="SimulatedPinPad"/>'s when it has one.
/// </summary>
public sealed class EmulatedChannel : ICardChannel, IReaderControl
{
    /// <summary>The code this reader answers CM_IOCTL_GET_FEATURE_REQUEST on: SCARD_CTL_CODE(3400) as pcsc-lite numbers it.</summary>
    public const uint GetFeatureRequestCode = 0x42000000 + 3400;

    private readonly VirtualCard _card;
    private bool _disposed;

    /// <summary>A reader holding <paramref name="card"/>, powered on; with <paramref name="pinPad"/> it is a pin pad reader.</summary>
    public EmulatedChannel(VirtualCard card, string? readerName = null, SimulatedPinPad? pinPad = null)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        ReaderName = readerName ?? "emu:" + card.Kind;
        PinPad = pinPad;
        _card.PowerOn();
    }

    /// <summary>The reader's pin pad, or null for a reader without one.</summary>
    public SimulatedPinPad? PinPad { get; }

    /// <inheritdoc/>
    public uint FeatureRequestControlCode => GetFeatureRequestCode;

    /// <summary>
    /// Answers the control commands of a PC/SC Part 10 reader: the feature list (empty without a pin pad)
    /// and the pin pad's features.
    /// </summary>
    /// <exception cref="CardChannelException">The code is not one this reader knows.</exception>
    /// <exception cref="CardKitFormatException">A PIN structure is malformed.</exception>
    public int Control(uint controlCode, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (controlCode == GetFeatureRequestCode)
        {
            var features = PinPad?.Features.Encode() ?? [];
            features.CopyTo(output);
            return features.Length;
        }
        if (PinPad is not null && PinPad.TryControl(this, controlCode, input, output, out var written))
            return written;
        throw new CardChannelException($"reader '{ReaderName}' does not support control code 0x{controlCode:X8}", ReaderName);
    }

    /// <inheritdoc/>
    public string ReaderName { get; }

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> Atr => _card.Atr;

    /// <inheritdoc/>
    public CardProtocol Protocol => _card.Protocol;

    /// <summary>The card behind the channel.</summary>
    public VirtualCard Card => _card;

    /// <inheritdoc/>
    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _card.Process(command, response);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _card.Reset();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _card.PowerOff();
    }
}
