namespace CardKit.Pcsc;

/// <summary>
/// One reader in a <see cref="PcscContext.GetStatusChange"/> call. The upper 16 bits of the
/// state carry pcsc-lite's/WinSCard's event counter; <see cref="EventCount"/> exposes it.
/// </summary>
public sealed class ReaderWatch(string name)
{
    /// <summary>The reader name (or <see cref="PcscContext.PnpNotificationReader"/>).</summary>
    public string Name { get; } = name;

    internal uint CurrentStateRaw { get; set; }

    internal uint EventStateRaw { get; set; }

    /// <summary>The state the caller knows; SCardGetStatusChange returns when the reader differs from it.</summary>
    public ReaderStates CurrentState => (ReaderStates)(CurrentStateRaw & 0xFFFF);

    /// <summary>The state the last call reported.</summary>
    public ReaderStates EventState => (ReaderStates)(EventStateRaw & 0xFFFF);

    /// <summary>Card insertions and removals counted by the service (upper 16 bits of dwEventState).</summary>
    public int EventCount => (int)(EventStateRaw >> 16);

    /// <summary>The ATR the last call reported (empty without a card).</summary>
    public byte[] Atr { get; internal set; } = [];

    /// <summary>Makes the last reported state the known one (dwCurrentState = dwEventState without CHANGED).</summary>
    public void Acknowledge() => CurrentStateRaw = EventStateRaw & ~(uint)ReaderStates.Changed;

    /// <summary>The event counter of the acknowledged state.</summary>
    internal int CurrentStateRawCount => (int)(CurrentStateRaw >> 16);

    /// <summary>PnP pseudo reader: the known reader count goes into the upper 16 bits.</summary>
    internal void CurrentStateRawForPnp(int count) => CurrentStateRaw = (uint)count << 16;
}
