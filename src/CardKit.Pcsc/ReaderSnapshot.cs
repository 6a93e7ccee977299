namespace CardKit.Pcsc;

/// <summary>A reader's state at one moment.</summary>
/// <param name="Name">The reader name pcscd gives.</param>
/// <param name="State">The SCARD_STATE_* flags.</param>
/// <param name="Atr">The ATR of the card in it (empty without a card).</param>
public sealed record ReaderSnapshot(string Name, ReaderStates State, byte[] Atr)
{
    /// <summary>A card is in the reader and answered to reset.</summary>
    public bool CardPresent => State.HasFlag(ReaderStates.Present) && !State.HasFlag(ReaderStates.Mute);

    /// <summary>Another process holds the card exclusively.</summary>
    public bool Exclusive => State.HasFlag(ReaderStates.Exclusive);

    /// <summary>Some process has the card connected.</summary>
    public bool InUse => State.HasFlag(ReaderStates.InUse);

    /// <summary>The state in words: "card", "card (in use)", "card (exclusive)", "mute card", "unavailable" or "empty".</summary>
    public string Description => this switch
    {
        { CardPresent: true, Exclusive: true } => "card (exclusive)",
        { CardPresent: true, InUse: true } => "card (in use)",
        { CardPresent: true } => "card",
        _ when State.HasFlag(ReaderStates.Mute) => "mute card",
        _ when State.HasFlag(ReaderStates.Unavailable) => "unavailable",
        _ => "empty",
    };
}
