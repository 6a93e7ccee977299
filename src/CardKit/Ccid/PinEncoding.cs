namespace CardKit.Ccid;

/// <summary>How each PIN digit is written into the APDU: bmFormatString bits 1-0 (CCID Rev 1.1 §6.1.11).</summary>
public enum PinEncoding : byte
{
    /// <summary>00: binary, one digit value per unit (the digit 5 is 0x05).</summary>
    Binary = 0,

    /// <summary>01: BCD, two digits per byte, first digit in the high nibble.</summary>
    Bcd = 1,

    /// <summary>10: ASCII, one character per byte (the digit 5 is 0x35).</summary>
    Ascii = 2,

    /// <summary>11: reserved for future use.</summary>
    Reserved = 3,
}
