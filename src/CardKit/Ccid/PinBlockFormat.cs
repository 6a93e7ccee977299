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

    /// <summary>
    /// Writes <paramref name="pin"/> into <paramref name="apdu"/> (an encoded command APDU with a data field)
    /// the way a pin pad does (CCID Rev 1.1 §6.1.11): digits encoded per <see cref="Encoding"/> (ASCII: the
    /// characters' UTF-8 bytes; BCD: a nibble per digit; binary: a byte per digit), justified in a block of
    /// <see cref="PinBlockSize"/> bytes at <see cref="PinBitOffset"/>, and the PIN length in
    /// <see cref="PinLengthSizeBits"/> bits at <see cref="PinLengthBitOffset"/>; both positions count from the
    /// start of the data field plus <paramref name="insertionOffset"/> bytes (bInsertionOffsetOld/New). The
    /// bytes the PIN does not cover keep the template's value (the padding).
    /// </summary>
    /// <exception cref="ArgumentException">The APDU has no data field, the PIN has characters its encoding cannot
    /// write, or it does not fit its block or the data field.</exception>
    public void WritePin(string pin, Span<byte> apdu, int insertionOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentOutOfRangeException.ThrowIfNegative(insertionOffset);
        // ISO/IEC 7816-3:2006 §12.1.3: the data field follows a short Lc (1 byte) or an extended one (00 + 2).
        if (apdu.Length < 6)
            throw new ArgumentException("the APDU template has no data field to write the PIN into", nameof(apdu));
        var dataStart = apdu[4] != 0 ? 5 : 7;
        if (apdu.Length <= dataStart)
            throw new ArgumentException("the APDU template has no data field to write the PIN into", nameof(apdu));
        var data = apdu[dataStart..];
        var origin = insertionOffset * 8;

        var (unitBits, units) = Encoding switch
        {
            PinEncoding.Ascii => (8, System.Text.Encoding.UTF8.GetBytes(pin)),
            PinEncoding.Bcd or PinEncoding.Binary => (Encoding == PinEncoding.Bcd ? 4 : 8, Digits(pin)),
            _ => throw new ArgumentException("bmFormatString gives the reserved PIN encoding 11", nameof(apdu)),
        };
        var pinBits = unitBits * units.Length;
        var start = origin + PinBitOffset;
        if (PinBlockSize > 0)
        {
            var blockBits = 8 * PinBlockSize;
            if (pinBits > blockBits)
                throw new ArgumentException($"a {units.Length}-digit PIN does not fit a {PinBlockSize}-byte PIN block", nameof(pin));
            if (Justification == PinJustification.Right)
                start += blockBits - pinBits;
        }
        if (start + pinBits > data.Length * 8)
            throw new ArgumentException($"the PIN does not fit the {data.Length}-byte data field of the APDU template", nameof(apdu));
        for (var i = 0; i < units.Length; i++)
            WriteBits(data, start + i * unitBits, unitBits, units[i]);

        if (PinLengthSizeBits > 0)
        {
            var lengthAt = origin + PinLengthBitOffset;
            if (lengthAt + PinLengthSizeBits > data.Length * 8 || units.Length >= 1 << Math.Min(PinLengthSizeBits, 30))
                throw new ArgumentException("the PIN length does not fit its field in the APDU template", nameof(apdu));
            WriteBits(data, lengthAt, PinLengthSizeBits, units.Length);
        }
    }

    private static byte[] Digits(string pin)
    {
        var digits = new byte[pin.Length];
        for (var i = 0; i < pin.Length; i++)
        {
            if (!char.IsAsciiDigit(pin[i]))
                throw new ArgumentException("a BCD or binary PIN is digits only", nameof(pin));
            digits[i] = (byte)(pin[i] - '0');
        }
        return digits;
    }

    // Most significant bit first, as the positions of bmFormatString and bmPINLengthFormat count.
    private static void WriteBits(Span<byte> data, int bitOffset, int bitCount, int value)
    {
        for (var i = 0; i < bitCount; i++)
        {
            var bit = (value >> (bitCount - 1 - i)) & 1;
            var at = bitOffset + i;
            var mask = (byte)(0x80 >> (at & 7));
            data[at >> 3] = bit != 0 ? (byte)(data[at >> 3] | mask) : (byte)(data[at >> 3] & ~mask);
        }
    }

    private static void CheckNibble(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 15, name);
    }
}
