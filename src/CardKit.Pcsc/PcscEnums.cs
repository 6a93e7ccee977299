namespace CardKit.Pcsc;

/// <summary>SCardConnect dwShareMode (PC/SC part 5 §3.1.4).</summary>
public enum ShareMode : uint
{
    Exclusive = 1,
    Shared = 2,
    /// <summary>Talk to the reader with no card (SCardControl, GetAttrib).</summary>
    Direct = 3,
}

/// <summary>What to do with the card on disconnect or end of transaction (SCARD_LEAVE_CARD ...).</summary>
public enum Disposition : uint
{
    Leave = 0,
    Reset = 1,
    Unpower = 2,
    Eject = 3,
}

/// <summary>Protocols a connection may use (SCARD_PROTOCOL_*); Raw maps to the platform's value.</summary>
[Flags]
public enum PcscProtocols : uint
{
    None = 0,
    T0 = 1,
    T1 = 2,
    Any = T0 | T1,
    Raw = 4,
}

/// <summary>SCardStatus card state, pcsc-lite bit layout (Windows' enumeration is mapped onto it).</summary>
[Flags]
public enum CardStates : uint
{
    None = 0,
    Unknown = 0x0001,
    Absent = 0x0002,
    Present = 0x0004,
    Swallowed = 0x0008,
    Powered = 0x0010,
    Negotiable = 0x0020,
    Specific = 0x0040,
}

/// <summary>SCARD_STATE_* of SCardGetStatusChange (PC/SC part 5 §3.1.3).</summary>
[Flags]
public enum ReaderStates : uint
{
    Unaware = 0,
    Ignore = 0x0001,
    Changed = 0x0002,
    Unknown = 0x0004,
    Unavailable = 0x0008,
    Empty = 0x0010,
    Present = 0x0020,
    AtrMatch = 0x0040,
    Exclusive = 0x0080,
    InUse = 0x0100,
    Mute = 0x0200,
    Unpowered = 0x0400,
}

/// <summary>SCARD_ATTR_VALUE(class, tag) identifiers (PC/SC part 3 §3.1.2, pcsc-lite reader.h).</summary>
public static class ReaderAttributes
{
    public const uint VendorName = 0x00010100;
    public const uint VendorIfdType = 0x00010101;
    public const uint VendorIfdVersion = 0x00010102;
    public const uint VendorIfdSerialNumber = 0x00010103;
    public const uint ChannelId = 0x00020110;
    public const uint MaxInput = 0x0007A007;
    public const uint AtrString = 0x00090303;
    public const uint IccTypePerAtr = 0x00090304;
    public const uint DeviceFriendlyName = 0x7FFF0003;
}
