namespace CardKit.Pcsc;

/// <summary>SCardConnect dwShareMode (PC/SC part 5 §3.1.4).</summary>
public enum ShareMode : uint
{
    /// <summary>No other application may connect to the card (SCARD_SHARE_EXCLUSIVE).</summary>
    Exclusive = 1,
    /// <summary>Other applications may connect to the card too (SCARD_SHARE_SHARED).</summary>
    Shared = 2,
    /// <summary>Talk to the reader with no card (SCardControl, GetAttrib).</summary>
    Direct = 3,
}

/// <summary>What to do with the card on disconnect or end of transaction (SCARD_LEAVE_CARD ...).</summary>
public enum Disposition : uint
{
    /// <summary>Leave the card as it is (SCARD_LEAVE_CARD).</summary>
    Leave = 0,
    /// <summary>Warm reset the card (SCARD_RESET_CARD); its security state is lost.</summary>
    Reset = 1,
    /// <summary>Power the card down (SCARD_UNPOWER_CARD); the next connection cold-resets it.</summary>
    Unpower = 2,
    /// <summary>Eject the card, if the reader can (SCARD_EJECT_CARD).</summary>
    Eject = 3,
}

/// <summary>Protocols a connection may use (SCARD_PROTOCOL_*); Raw maps to the platform's value.</summary>
[Flags]
public enum PcscProtocols : uint
{
    /// <summary>No protocol: not negotiated yet, or a direct connection.</summary>
    None = 0,
    /// <summary>T=0 (ISO/IEC 7816-3:2006 §10; SCARD_PROTOCOL_T0).</summary>
    T0 = 1,
    /// <summary>T=1 (ISO/IEC 7816-3:2006 §11; SCARD_PROTOCOL_T1).</summary>
    T1 = 2,
    /// <summary>Let the reader choose T=0 or T=1.</summary>
    Any = T0 | T1,
    /// <summary>Raw access to the reader with no protocol (SCARD_PROTOCOL_RAW).</summary>
    Raw = 4,
}

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

/// <summary>SCARD_ATTR_VALUE(class, tag) identifiers (PC/SC part 3 §3.1.2, pcsc-lite reader.h).</summary>
public static class ReaderAttributes
{
    /// <summary>Reader vendor name, ASCII (SCARD_ATTR_VENDOR_NAME).</summary>
    public const uint VendorName = 0x00010100;
    /// <summary>Vendor-defined reader type, ASCII (SCARD_ATTR_VENDOR_IFD_TYPE).</summary>
    public const uint VendorIfdType = 0x00010101;
    /// <summary>Vendor-defined reader version, DWORD 0xMMmmbbbb (SCARD_ATTR_VENDOR_IFD_VERSION).</summary>
    public const uint VendorIfdVersion = 0x00010102;
    /// <summary>Reader serial number, ASCII (SCARD_ATTR_VENDOR_IFD_SERIAL_NO).</summary>
    public const uint VendorIfdSerialNumber = 0x00010103;
    /// <summary>Channel the reader is attached to, DWORD 0xDDDDCCCC: type then channel number (SCARD_ATTR_CHANNEL_ID).</summary>
    public const uint ChannelId = 0x00020110;
    /// <summary>Largest command the reader accepts, in bytes (SCARD_ATTR_MAXINPUT, pcsc-lite).</summary>
    public const uint MaxInput = 0x0007A007;
    /// <summary>The card's ATR (SCARD_ATTR_ATR_STRING).</summary>
    public const uint AtrString = 0x00090303;
    /// <summary>Card type from the ATR, one byte per ISO/IEC 7816 (SCARD_ATTR_ICC_TYPE_PER_ATR).</summary>
    public const uint IccTypePerAtr = 0x00090304;
    /// <summary>The reader's display name (SCARD_ATTR_DEVICE_FRIENDLY_NAME).</summary>
    public const uint DeviceFriendlyName = 0x7FFF0003;
}
