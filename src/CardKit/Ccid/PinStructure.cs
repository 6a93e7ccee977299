using System.Buffers.Binary;

namespace CardKit.Ccid;

/// <summary>
/// What the PIN verification and modification structures share, in both of their wire layouts: the CCID
/// one carried in PC_to_RDR_Secure (CCID Rev 1.1 §6.1.11) and PC/SC Part 10's PIN_VERIFY_STRUCTURE /
/// PIN_MODIFY_STRUCTURE that SCardControl carries (PC/SC Part 10 v2.02 §2.5.2, §2.5.3). Both layouts
/// hold these fields in the same order: bTimeOut (Part 10: bTimerOut, bTimerOut2), bmFormatString,
/// bmPINBlockString, bmPINLengthFormat, wPINMaxExtraDigit, bEntryValidationCondition, bNumberMessage,
/// wLangId, bMsgIndex, bTeoPrologue (Part 10: ulDataLength), then the APDU; the modification structure
/// adds its own fields between them. Multi-byte fields are little endian.
/// </summary>
/// <remarks>Parsing copies what it keeps; a decoded structure does not refer to the caller's buffer.</remarks>
public abstract class PinStructure
{
    private readonly byte[] _teoPrologue = new byte[3];
    private readonly byte[] _apdu = [];

    private protected PinStructure()
    {
    }

    /// <summary>Decodes the shared fields from <paramref name="source"/>, which <see cref="Check"/> accepted for <paramref name="layout"/>.</summary>
    private protected PinStructure(ReadOnlySpan<byte> source, Layout layout)
    {
        TimeOut = source[0];
        TimeOut2 = layout.Part10 ? source[1] : null;
        Format = new PinBlockFormat(source[layout.Format], source[layout.Format + 1], source[layout.Format + 2]);
        // wPINMaxExtraDigit 0xXXYY, little endian: YY (the maximum) comes first.
        MaxPinLength = source[layout.PinLength];
        MinPinLength = source[layout.PinLength + 1];
        EntryConditions = (PinEntryConditions)source[layout.EntryValidation];
        NumberMessage = source[layout.EntryValidation + 1];
        LangId = BinaryPrimitives.ReadUInt16LittleEndian(source[(layout.EntryValidation + 2)..]);
        _teoPrologue = source.Slice(layout.TeoPrologue, 3).ToArray();
        _apdu = source[layout.HeaderLength..].ToArray();
    }

    /// <summary>bTimeOut (bTimerOut in Part 10): seconds the pad waits for the PIN; 0 means the reader's default.</summary>
    public byte TimeOut { get; init; }

    /// <summary>Part 10's bTimerOut2: seconds after the first key; null when decoded from the CCID layout, which lacks it.</summary>
    public byte? TimeOut2 { get; init; }

    /// <summary>bmFormatString, bmPINBlockString, bmPINLengthFormat.</summary>
    public PinBlockFormat Format { get; init; }

    /// <summary>The high byte (XX) of wPINMaxExtraDigit 0xXXYY: the minimum PIN size in digits.</summary>
    public byte MinPinLength { get; init; }

    /// <summary>The low byte (YY) of wPINMaxExtraDigit 0xXXYY: the maximum PIN size in digits.</summary>
    public byte MaxPinLength { get; init; }

    /// <summary>bEntryValidationCondition: what ends the entry.</summary>
    public PinEntryConditions EntryConditions { get; init; }

    /// <summary>bNumberMessage: how many messages the pad shows (0 none, up to 3 for a modification, FFh the reader's default).</summary>
    public byte NumberMessage { get; init; }

    /// <summary>wLangId: the USB language id of the messages (0x0409 is English, United States).</summary>
    public ushort LangId { get; init; }

    /// <summary>bTeoPrologue: the NAD, PCB and LEN of the T=1 I-block (zeros for T=0); always 3 bytes.</summary>
    /// <exception cref="ArgumentException">Set to something other than 3 bytes.</exception>
    public ReadOnlyMemory<byte> TeoPrologue
    {
        get => _teoPrologue;
        init => _teoPrologue = value.Length == 3
            ? value.ToArray()
            : throw new ArgumentException("bTeoPrologue is 3 bytes.", nameof(value));
    }

    /// <summary>The APDU the pad completes with the PIN(s) and sends to the card (abPINApdu / abData).</summary>
    public ReadOnlyMemory<byte> ApduTemplate
    {
        get => _apdu;
        init => _apdu = value.ToArray();
    }

    /// <summary>Bytes <see cref="EncodeCcid(Span{byte})"/> writes.</summary>
    public int CcidLength => CcidLayout.HeaderLength + _apdu.Length;

    /// <summary>Bytes <see cref="EncodePart10(Span{byte})"/> writes.</summary>
    public int Part10Length => Part10Layout.HeaderLength + _apdu.Length;

    /// <summary>The layout <see cref="EncodeCcid(Span{byte})"/> writes.</summary>
    private protected abstract Layout CcidLayout { get; }

    /// <summary>The layout <see cref="EncodePart10(Span{byte})"/> writes.</summary>
    private protected abstract Layout Part10Layout { get; }

    /// <summary>Writes the CCID layout (the bytes after bPINOperation); returns <see cref="CcidLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="CcidLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The structure cannot be written in this layout (a modification with bMsgIndex3 but no bMsgIndex2).</exception>
    public int EncodeCcid(Span<byte> destination) => Encode(destination, CcidLayout);

    /// <summary>The CCID layout as a new array.</summary>
    /// <exception cref="InvalidOperationException">The structure cannot be written in this layout (a modification with bMsgIndex3 but no bMsgIndex2).</exception>
    public byte[] EncodeCcid()
    {
        var bytes = new byte[CcidLength];
        EncodeCcid(bytes);
        return bytes;
    }

    /// <summary>Writes PC/SC Part 10's structure (absent values as 0); returns <see cref="Part10Length"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Part10Length"/>.</exception>
    public int EncodePart10(Span<byte> destination) => Encode(destination, Part10Layout);

    /// <summary>PC/SC Part 10's structure as a new array.</summary>
    public byte[] EncodePart10()
    {
        var bytes = new byte[Part10Length];
        EncodePart10(bytes);
        return bytes;
    }

    /// <summary>Writes the fields only the derived structure has, at the offsets <paramref name="layout"/> gives; called before the shared ones.</summary>
    private protected abstract void WriteOwnFields(Span<byte> destination, Layout layout);

    private int Encode(Span<byte> destination, Layout layout)
    {
        var length = layout.HeaderLength + _apdu.Length;
        if (destination.Length < length)
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        WriteOwnFields(destination, layout);
        destination[0] = TimeOut;
        if (layout.Part10)
        {
            destination[1] = TimeOut2 ?? 0;
            BinaryPrimitives.WriteUInt32LittleEndian(destination[layout.DataLength..], (uint)_apdu.Length);
        }
        destination[layout.Format] = Format.FormatString;
        destination[layout.Format + 1] = Format.PinBlockString;
        destination[layout.Format + 2] = Format.PinLengthFormat;
        destination[layout.PinLength] = MaxPinLength;
        destination[layout.PinLength + 1] = MinPinLength;
        destination[layout.EntryValidation] = (byte)EntryConditions;
        destination[layout.EntryValidation + 1] = NumberMessage;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[(layout.EntryValidation + 2)..], LangId);
        _teoPrologue.CopyTo(destination[layout.TeoPrologue..]);
        _apdu.CopyTo(destination[layout.HeaderLength..]);
        return length;
    }

    /// <summary>The error for a <paramref name="source"/> too short for <paramref name="layout"/>'s header, or null.</summary>
    private protected static CardKitFormatException? Truncated(ReadOnlySpan<byte> source, Layout layout, int baseOffset)
    {
        if (source.Length >= layout.HeaderLength)
            return null;
        var (message, offset) = StructureFields.Truncated(layout.Name, layout.Fields, source.Length, layout.HeaderLength);
        return new CardKitFormatException(message, baseOffset + offset);
    }

    /// <summary>
    /// The error for a <paramref name="source"/> that does not hold <paramref name="layout"/>: a truncated header,
    /// a Part 10 ulDataLength that is not the length of what follows, a template shorter than CLA INS P1 P2; or null.
    /// </summary>
    private protected static CardKitFormatException? Check(ReadOnlySpan<byte> source, Layout layout, int baseOffset)
    {
        if (Truncated(source, layout, baseOffset) is { } truncated)
            return truncated;
        var template = source[layout.HeaderLength..];
        if (layout.Part10)
        {
            var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(source[layout.DataLength..]);
            if (dataLength != template.Length)
            {
                return new CardKitFormatException(
                    $"{layout.Name}: ulDataLength says {dataLength} bytes of APDU, {template.Length} follow", baseOffset + layout.DataLength);
            }
        }
        return StructureFields.ShortTemplate(layout.Name, layout.HeaderLength, template.Length) is { } bad
            ? new CardKitFormatException(bad.Error, baseOffset + bad.Offset)
            : null;
    }

    /// <summary>
    /// Where one wire layout puts the shared fields. bTimeOut is at 0 and Part 10's bTimerOut2 at 1, the three
    /// format bytes follow; bNumberMessage and wLangId follow bEntryValidationCondition, then the
    /// <paramref name="MessageIndexes"/> bMsgIndex fields, bTeoPrologue and, in Part 10, ulDataLength.
    /// </summary>
    /// <param name="Name">The structure's name in error messages.</param>
    /// <param name="Fields">Each header field's offset and name, for the error of a truncated header.</param>
    /// <param name="Part10">PC/SC Part 10's layout (bTimerOut2, ulDataLength) rather than CCID's.</param>
    /// <param name="PinLength">The offset of wPINMaxExtraDigit.</param>
    /// <param name="EntryValidation">The offset of bEntryValidationCondition.</param>
    /// <param name="MessageIndexes">How many bMsgIndex fields the layout carries.</param>
    private protected sealed record Layout(string Name, (int Offset, string Name)[] Fields, bool Part10, int PinLength,
        int EntryValidation, int MessageIndexes)
    {
        /// <summary>The offset of bmFormatString.</summary>
        public int Format => Part10 ? 2 : 1;

        /// <summary>The offset of the first bMsgIndex.</summary>
        public int MessageIndex => EntryValidation + 4;

        /// <summary>The offset of bTeoPrologue.</summary>
        public int TeoPrologue => MessageIndex + MessageIndexes;

        /// <summary>The offset of Part 10's ulDataLength.</summary>
        public int DataLength => TeoPrologue + 3;

        /// <summary>The bytes before the APDU.</summary>
        public int HeaderLength => TeoPrologue + 3 + (Part10 ? 4 : 0);
    }
}
