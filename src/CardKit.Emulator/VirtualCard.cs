namespace CardKit.Emulator;

/// <summary>
/// A card simulated in software. One transport drives it at a time (the vpcd client or an
/// <see cref="EmulatedChannel"/>); implementations need not be thread-safe.
/// </summary>
public abstract class VirtualCard
{
    /// <summary>The ATR the card answers with after power-on or reset.</summary>
    public abstract ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Short name for reader names and logs ("sim", "usim", "iso").</summary>
    public abstract string Kind { get; }

    /// <summary>The protocol the ATR offers.</summary>
    public virtual CardProtocol Protocol => CardProtocol.T0;

    /// <summary>Processes one command APDU, writes the response APDU (data + SW1 SW2) and returns its length.</summary>
    /// <remarks>
    /// <paramref name="response"/> holds at least <see cref="ICardChannel.MaxShortResponse"/> bytes.
    /// Malformed commands get the status word a real card would give (6700, 6D00, ...), never an exception.
    /// </remarks>
    public abstract int Process(ReadOnlySpan<byte> command, Span<byte> response);

    /// <summary>Power on (cold reset): volatile state (current file, verified PINs) is cleared.</summary>
    public virtual void PowerOn() => Reset();

    /// <summary>Power off: the card forgets volatile state.</summary>
    public virtual void PowerOff()
    {
    }

    /// <summary>Warm reset: volatile state cleared, persistent data kept.</summary>
    public abstract void Reset();
}
