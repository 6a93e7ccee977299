namespace CardKit.Ccid;

/// <summary>
/// How a card wants its PIN written into a command, in the spirit of CryptoTokenKit's TKSmartCardPINFormat:
/// character set, encoding, justification, length limits, PIN block size, and where the PIN and its length
/// go, in bits from the start of the command's data field. It builds the pin pad structures
/// (<see cref="BuildVerify"/>, <see cref="BuildModify"/>) for an APDU template whose data field holds
/// <see cref="BlankBlock"/> where each PIN goes.
/// </summary>
public sealed class PinFormat
{
    private readonly byte[]? _blankBlock;

    /// <summary>
    /// ASCII digits, left justified in an 8-byte block padded with FF, 4 to 8 digits: CHV1/PIN1 of
    /// GSM 11.11 §9.2.9 (VERIFY CHV) and ETSI TS 102 221 §9.5.1 (PIN values).
    /// </summary>
    public static PinFormat AsciiPadded { get; } = new();

    /// <summary>BCD digits, left justified in an 8-byte block padded with F nibbles, 4 to 8 digits.</summary>
    public static PinFormat BcdPadded { get; } = new() { Encoding = PinEncoding.Bcd };

    /// <summary>
    /// ISO 9564-1 format 2 (the EMV offline plaintext PIN block): control nibble 2, the PIN length in the
    /// next nibble, BCD digits from the second byte, F padding; 8 bytes, 4 to 12 digits.
    /// </summary>
    public static PinFormat Iso9564Format2 { get; } = new()
    {
        Encoding = PinEncoding.Bcd,
        MaxLength = 12,
        PinBitOffset = 8,
        BlockLength = 7,
        LengthBitOffset = 4,
        LengthBitSize = 4,
        BlankBlock = new byte[] { 0x2F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF },
    };

    /// <summary>The characters the PIN may hold.</summary>
    public PinCharset Charset { get; init; } = PinCharset.Numeric;

    /// <summary>How each character is written.</summary>
    public PinEncoding Encoding { get; init; } = PinEncoding.Ascii;

    /// <summary>Where the PIN sits in its block.</summary>
    public PinJustification Justification { get; init; } = PinJustification.Left;

    /// <summary>The fewest characters a PIN has.</summary>
    public int MinLength { get; init; } = 4;

    /// <summary>The most characters a PIN has.</summary>
    public int MaxLength { get; init; } = 8;

    /// <summary>The PIN block's size in bytes (0: no block, the PIN is written where it starts).</summary>
    public int BlockLength { get; init; } = 8;

    /// <summary>Where the PIN block starts, in bits from the start of the data field.</summary>
    public int PinBitOffset { get; init; }

    /// <summary>Where the PIN length goes, in bits from the start of the data field.</summary>
    public int LengthBitOffset { get; init; }

    /// <summary>The PIN length field's size in bits (0: the length is not written).</summary>
    public int LengthBitSize { get; init; }

    /// <summary>
    /// The data field of one PIN before the PIN is written: the padding the digits do not cover and any
    /// fixed control bits. Default: FF bytes up to the end of the block.
    /// </summary>
    public ReadOnlyMemory<byte> BlankBlock
    {
        get => _blankBlock ?? Enumerable.Repeat((byte)0xFF, Math.Max((PinBitOffset + 7) / 8 + BlockLength, (LengthBitOffset + LengthBitSize + 7) / 8)).ToArray();
        init => _blankBlock = value.ToArray();
    }

    /// <summary>
    /// The three CCID bytes for this format (CCID Rev 1.1 §6.1.11): positions in bytes when they fall on a
    /// byte boundary, else in bits; each must fit the 4-bit field.
    /// </summary>
    /// <exception cref="InvalidOperationException">A position, size or block length cannot be expressed in CCID's 4-bit fields.</exception>
    public PinBlockFormat ToBlockFormat()
    {
        var (pinPosition, pinInBytes) = Position(PinBitOffset, "the PIN");
        // No length field: bmPINLengthFormat 00, as drivers and cards expect.
        var (lengthPosition, lengthInBytes) = LengthBitSize == 0 ? (0, false) : Position(LengthBitOffset, "the PIN length");
        if (BlockLength is < 0 or > 15 || LengthBitSize is < 0 or > 15)
            throw new InvalidOperationException("CCID gives the PIN block size and the length field size 4 bits each (0 to 15).");
        return PinBlockFormat.Create(Encoding, Justification, pinPosition, pinInBytes, BlockLength, LengthBitSize,
            lengthPosition, lengthInBytes);
    }

    private static (int Position, bool InBytes) Position(int bitOffset, string what)
    {
        if (bitOffset % 8 == 0 && bitOffset / 8 <= 15)
            return (bitOffset / 8, true);
        if (bitOffset is >= 0 and <= 15)
            return (bitOffset, false);
        throw new InvalidOperationException($"CCID cannot place {what} at bit {bitOffset}: 0-15 bits or 0-15 bytes.");
    }

    /// <summary>An APDU template for one PIN (VERIFY) or two (CHANGE REFERENCE DATA: current, then new): the header, Lc and <see cref="BlankBlock"/> once per PIN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pins"/> is not 1 or 2.</exception>
    public byte[] BuildTemplate(byte cla, byte ins, byte p1, byte p2, int pins = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pins, 2);
        var blank = BlankBlock.Span;
        var apdu = new byte[5 + pins * blank.Length];
        (apdu[0], apdu[1], apdu[2], apdu[3], apdu[4]) = (cla, ins, p1, p2, (byte)(pins * blank.Length));
        for (var i = 0; i < pins; i++)
            blank.CopyTo(apdu.AsSpan(5 + i * blank.Length));
        return apdu;
    }

    /// <summary>
    /// PIN_VERIFY_STRUCTURE for <paramref name="apduTemplate"/>: this format, its length limits, entry ended
    /// by the validation key (or by the last digit when the length is fixed), one message in
    /// <paramref name="langId"/> (a USB language id; 0x0409 is English, United States).
    /// </summary>
    public PinVerifyStructure BuildVerify(ReadOnlySpan<byte> apduTemplate, byte timeOutSeconds = 0, ushort langId = UsEnglish) => new()
    {
        TimeOut = timeOutSeconds,
        TimeOut2 = 0,
        Format = ToBlockFormat(),
        MinPinLength = (byte)MinLength,
        MaxPinLength = (byte)MaxLength,
        EntryConditions = EntryConditions,
        NumberMessage = 1,
        LangId = langId,
        MessageIndex = (byte)PinPadPrompt.EnterPin,
        ApduTemplate = apduTemplate.ToArray(),
    };

    /// <summary>
    /// PIN_MODIFY_STRUCTURE for <paramref name="apduTemplate"/>: the current PIN (when
    /// <paramref name="enterCurrentPin"/>) written at <paramref name="currentPinOffset"/>, the new one at
    /// <paramref name="newPinOffset"/> (bytes from the start of the data field), typed twice when
    /// <paramref name="confirmNewPin"/>; one message per entry, in <paramref name="langId"/>.
    /// </summary>
    public PinModifyStructure BuildModify(ReadOnlySpan<byte> apduTemplate, int currentPinOffset, int newPinOffset,
        bool enterCurrentPin = true, bool confirmNewPin = true, byte timeOutSeconds = 0, ushort langId = UsEnglish)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentPinOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(currentPinOffset, 255);
        ArgumentOutOfRangeException.ThrowIfNegative(newPinOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newPinOffset, 255);
        var prompts = new List<byte>(3);
        if (enterCurrentPin)
            prompts.Add((byte)PinPadPrompt.EnterPin);
        prompts.Add((byte)PinPadPrompt.EnterNewPin);
        if (confirmNewPin)
            prompts.Add((byte)PinPadPrompt.ConfirmNewPin);
        return new PinModifyStructure
        {
            TimeOut = timeOutSeconds,
            TimeOut2 = 0,
            Format = ToBlockFormat(),
            InsertionOffsetOld = (byte)currentPinOffset,
            InsertionOffsetNew = (byte)newPinOffset,
            MinPinLength = (byte)MinLength,
            MaxPinLength = (byte)MaxLength,
            Confirmation = (confirmNewPin ? PinConfirmation.ConfirmNewPin : 0) | (enterCurrentPin ? PinConfirmation.EnterCurrentPin : 0),
            EntryConditions = EntryConditions,
            NumberMessage = (byte)prompts.Count,
            LangId = langId,
            MessageIndex1 = prompts[0],
            MessageIndex2 = prompts.Count > 1 ? prompts[1] : (byte)0,
            MessageIndex3 = prompts.Count > 2 ? prompts[2] : (byte)0,
            ApduTemplate = apduTemplate.ToArray(),
        };
    }

    /// <summary>Checks a PIN typed on a keyboard against the character set and length limits.</summary>
    /// <exception cref="ArgumentException">The PIN has characters outside <see cref="Charset"/> or a length outside the limits.</exception>
    public void Validate(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var ok = Charset switch
        {
            PinCharset.Numeric => pin.All(char.IsAsciiDigit),
            PinCharset.Alphanumeric => pin.All(char.IsAsciiLetterOrDigit),
            _ => true,
        };
        if (!ok || (Encoding is PinEncoding.Bcd or PinEncoding.Binary && !pin.All(char.IsAsciiDigit)))
            throw new ArgumentException(Charset == PinCharset.Alphanumeric ? "a PIN here is letters and digits" : "a PIN here is digits only", nameof(pin));
        if (pin.Length < MinLength || pin.Length > MaxLength)
            throw new ArgumentException($"a PIN here is {MinLength} to {MaxLength} characters, not {pin.Length}", nameof(pin));
    }

    /// <summary>wLangId 0x0409: English (United States), the USB language id.</summary>
    public const ushort UsEnglish = 0x0409;

    private PinEntryConditions EntryConditions =>
        PinEntryConditions.ValidationKey | (MinLength == MaxLength ? PinEntryConditions.MaxSizeReached : 0);
}
