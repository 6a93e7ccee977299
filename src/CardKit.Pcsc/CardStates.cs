namespace CardKit.Pcsc;

/// <summary>SCardStatus card state, pcsc-lite bit layout (Windows' enumeration is mapped onto it).</summary>
[Flags]
public enum CardStates : uint
{
    /// <summary>No state bit set.</summary>
    None = 0,
    /// <summary>The driver does not know the state (SCARD_UNKNOWN).</summary>
    Unknown = 0x0001,
    /// <summary>No card in the reader (SCARD_ABSENT).</summary>
    Absent = 0x0002,
    /// <summary>A card is in the reader but not in position for use (SCARD_PRESENT).</summary>
    Present = 0x0004,
    /// <summary>A card is in position for use but not powered (SCARD_SWALLOWED).</summary>
    Swallowed = 0x0008,
    /// <summary>The card is powered but the reader driver does not know its mode (SCARD_POWERED).</summary>
    Powered = 0x0010,
    /// <summary>The card was reset and awaits PTS negotiation (SCARD_NEGOTIABLE).</summary>
    Negotiable = 0x0020,
    /// <summary>The card was reset and a protocol is established (SCARD_SPECIFIC).</summary>
    Specific = 0x0040,
}
