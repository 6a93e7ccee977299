namespace CardKit.Ccid;

/// <summary>
/// The three bytes that tell a pin pad how to write the PIN into the APDU template: bmFormatString,
/// bmPINBlockString and bmPINLengthFormat (CCID Rev 1.1 §6.1.11; PC/SC Part 10 keeps them unchanged in
/// PIN_VERIFY_STRUCTURE and PIN_MODIFY_STRUCTURE). The raw bytes are kept, reserved bits included, so a
/// decoded structure encodes back to the same bytes; the properties read the bit fields.
/// </summary>
/// <param name="FormatString">bmFormatString: b7 position unit (0 bits, 1 bytes), b6-3 PIN position, b2 justification, b1-0 encoding.</param>
/// <param name="PinBlockString">bmPINBlockString: b7-4 size of the PIN length field in bits, b3-0 PIN block size in bytes.</param>
/// <param name="PinLengthFormat">bmPINLengthFormat: b7-5 reserved, b4 position unit (0 bits, 1 bytes), b3-0 PIN length position.</param>
public readonly record struct PinBlockFormat(byte FormatString, byte PinBlockString, byte PinLengthFormat)
{
    /// <summary>bmFormatString b7: the PIN position counts bytes (true) or bits (false).</summary>
    public bool PinPositionInBytes => (FormatString & 0x80) != 0;

    /// <summary>bmFormatString b6-3: where the PIN block starts in the APDU data field, in <see cref="PinPositionInBytes"/> units.</summary>
    public int PinPosition => (FormatString >> 3) & 0x0F;

    /// <summary>bmFormatString b2: the PIN's place inside its block.</summary>
    public PinJustification Justification => (PinJustification)((FormatString >> 2) & 1);

    /// <summary>bmFormatString b1-0: how each digit is written.</summary>
    public PinEncoding Encoding => (PinEncoding)(FormatString & 0x03);

    /// <summary>bmPINBlockString b7-4: size in bits of the PIN length the pad writes into the APDU (0: none).</summary>
    public int PinLengthSizeBits => PinBlockString >> 4;

    /// <summary>bmPINBlockString b3-0: size in bytes of the PIN block after justification and formatting.</summary>
    public int PinBlockSize => PinBlockString & 0x0F;

    /// <summary>bmPINLengthFormat b4: the PIN length position counts bytes (true) or bits (false).</summary>
    public bool PinLengthPositionInBytes => (PinLengthFormat & 0x10) != 0;

    /// <summary>bmPINLengthFormat b3-0: where the PIN length goes in the APDU data field, in <see cref="PinLengthPositionInBytes"/> units.</summary>
    public int PinLengthPosition => PinLengthFormat & 0x0F;

    /// <summary>The PIN block's start in bits from the start of the APDU data field.</summary>
    public int PinBitOffset => PinPosition * (PinPositionInBytes ? 8 : 1);

    /// <summary>The PIN length field's start in bits from the start of the APDU data field.</summary>
    public int PinLengthBitOffset => PinLengthPosition * (PinLengthPositionInBytes ? 8 : 1);

    /// <summary>Builds the three bytes from their fields (CCID Rev 1.1 §6.1.11).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A position, size or encoding does not fit its bit field.</exception>
    public static PinBlockFormat Create(PinEncoding encoding, PinJustification justification, int pinPosition,
        bool pinPositionInBytes, int pinBlockSize, int pinLengthSizeBits = 0, int pinLengthPosition = 0,
        bool pinLengthPositionInBytes = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)encoding, 3, nameof(encoding));
        CheckNibble(pinPosition, nameof(pinPosition));
        CheckNibble(pinBlockSize, nameof(pinBlockSize));
        CheckNibble(pinLengthSizeBits, nameof(pinLengthSizeBits));
        CheckNibble(pinLengthPosition, nameof(pinLengthPosition));
        var format = (pinPositionInBytes ? 0x80 : 0) | (pinPosition << 3) | ((int)justification << 2) | (int)encoding;
        var block = (pinLengthSizeBits << 4) | pinBlockSize;
        var length = (pinLengthPositionInBytes ? 0x10 : 0) | pinLengthPosition;
        return new PinBlockFormat((byte)format, (byte)block, (byte)length);
    }

    private static void CheckNibble(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 15, name);
    }
}
