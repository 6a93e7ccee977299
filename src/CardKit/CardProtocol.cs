namespace CardKit;

/// <summary>Transmission protocol of a connected card (ISO/IEC 7816-3:2006 §6.3.2, §9, §11).</summary>
public enum CardProtocol
{
    /// <summary>No protocol negotiated (not connected, or a direct connection).</summary>
    None = 0,
    /// <summary>T=0, the character-oriented half-duplex protocol (ISO/IEC 7816-3:2006 §10).</summary>
    T0 = 1,
    /// <summary>T=1, the block-oriented half-duplex protocol (ISO/IEC 7816-3:2006 §11).</summary>
    T1 = 2,
    /// <summary>Direct/raw access with no protocol (PC/SC SCARD_PROTOCOL_RAW, direct connections).</summary>
    Raw = 4,
}
