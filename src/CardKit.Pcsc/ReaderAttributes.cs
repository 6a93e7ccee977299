namespace CardKit.Pcsc;

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
