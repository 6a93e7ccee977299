namespace CardKit.Pcsc;

/// <summary>SCARD_STATE_* of SCardGetStatusChange (PC/SC part 5 §3.1.3).</summary>
[Flags]
public enum ReaderStates : uint
{
    /// <summary>The caller does not know the state; ask for the current one (SCARD_STATE_UNAWARE).</summary>
    Unaware = 0,
    /// <summary>Ignore this reader; reported for a reader that is unknown or gone (SCARD_STATE_IGNORE).</summary>
    Ignore = 0x0001,
    /// <summary>The state differs from the one the caller passed in (SCARD_STATE_CHANGED).</summary>
    Changed = 0x0002,
    /// <summary>The reader name is not known to the resource manager (SCARD_STATE_UNKNOWN).</summary>
    Unknown = 0x0004,
    /// <summary>The reader's state cannot be determined (SCARD_STATE_UNAVAILABLE).</summary>
    Unavailable = 0x0008,
    /// <summary>No card in the reader (SCARD_STATE_EMPTY).</summary>
    Empty = 0x0010,
    /// <summary>A card is in the reader (SCARD_STATE_PRESENT).</summary>
    Present = 0x0020,
    /// <summary>The card's ATR matches one of the target cards (SCARD_STATE_ATRMATCH).</summary>
    AtrMatch = 0x0040,
    /// <summary>An application holds the card exclusively (SCARD_STATE_EXCLUSIVE).</summary>
    Exclusive = 0x0080,
    /// <summary>At least one application holds the card, shared (SCARD_STATE_INUSE).</summary>
    InUse = 0x0100,
    /// <summary>The card does not answer or its ATR is invalid (SCARD_STATE_MUTE).</summary>
    Mute = 0x0200,
    /// <summary>The card is present but not powered (SCARD_STATE_UNPOWERED).</summary>
    Unpowered = 0x0400,
}
