namespace CardKit;

/// <summary>
/// The one seam between card logic and transport: a PC/SC card, an in-process virtual card and a
/// recorded-trace replay all implement it. Implementations are not thread-safe; use one channel
/// per thread (PC/SC: one context per thread).
/// </summary>
public interface ICardChannel : IDisposable
{
    /// <summary>The reader (or virtual reader) name, for messages and traces.</summary>
    string ReaderName { get; }

    /// <summary>The card's Answer To Reset as last received.</summary>
    ReadOnlyMemory<byte> Atr { get; }

    /// <summary>The active protocol.</summary>
    CardProtocol Protocol { get; }

    /// <summary>
    /// Sends one command APDU (or TPDU) and writes the raw response, status bytes included, into
    /// <paramref name="response"/>; returns the number of bytes written. No GET RESPONSE handling
    /// happens here: that is <see cref="CardSession"/>'s job. A buffer of
    /// <see cref="MaxShortResponse"/> bytes holds any short response.
    /// </summary>
    /// <exception cref="CardChannelException">The transport failed or the card went away.</exception>
    int Transmit(ReadOnlySpan<byte> command, Span<byte> response);

    /// <summary>Warm reset of the card; <see cref="Atr"/> is updated.</summary>
    void Reset();

    /// <summary>256 data bytes + SW1 SW2.</summary>
    const int MaxShortResponse = 258;

    /// <summary>65536 data bytes + SW1 SW2.</summary>
    const int MaxExtendedResponse = 65538;
}
