using System.Buffers.Binary;
using System.Text;

namespace CardKit.Ccid;

/// <summary>
/// The answer to FEATURE_GET_TLV_PROPERTIES (PC/SC Part 10 v2.02): TLVs of a one-byte tag, a one-byte
/// length and a little-endian value. Each known property is null when the reader leaves it out; tags
/// CardKit does not know are kept in <see cref="OtherProperties"/>.
/// </summary>
public sealed class Part10Properties
{
    // PC/SC Part 10 property tags (PCSCv2_PART10_PROPERTY_*).
    private const byte LcdLayoutTag = 0x01;
    private const byte EntryValidationConditionTag = 0x02;
    private const byte TimeOut2Tag = 0x03;
    private const byte LcdMaxCharactersTag = 0x04;
    private const byte LcdMaxLinesTag = 0x05;
    private const byte MinPinSizeTag = 0x06;
    private const byte MaxPinSizeTag = 0x07;
    private const byte FirmwareIdTag = 0x08;
    private const byte PpduSupportTag = 0x09;
    private const byte MaxApduDataSizeTag = 0x0A;
    private const byte VendorIdTag = 0x0B;
    private const byte ProductIdTag = 0x0C;

    /// <summary>wLcdLayout 0xXXYY: XX lines, YY characters per line; 0 when the reader has no display.</summary>
    public ushort? LcdLayout { get; init; }

    /// <summary>bEntryValidationCondition: the entry conditions the reader supports.</summary>
    public PinEntryConditions? EntryValidationCondition { get; init; }

    /// <summary>bTimeOut2: the reader's timeout after the first key, in seconds.</summary>
    public byte? TimeOut2 { get; init; }

    /// <summary>wLcdMaxCharacters: characters per display line.</summary>
    public ushort? LcdMaxCharacters { get; init; }

    /// <summary>wLcdMaxLines: display lines.</summary>
    public ushort? LcdMaxLines { get; init; }

    /// <summary>bMinPINSize: the shortest PIN the pad accepts.</summary>
    public byte? MinPinSize { get; init; }

    /// <summary>bMaxPINSize: the longest PIN the pad accepts.</summary>
    public byte? MaxPinSize { get; init; }

    /// <summary>sFirmwareID: the reader's firmware identification (bytes read as Latin-1, so none is lost).</summary>
    public string? FirmwareId { get; init; }

    /// <summary>bPPDUSupport: b0 pseudo-APDUs through FEATURE_CCID_ESC_COMMAND, b1 through SCardTransmit.</summary>
    public byte? PpduSupport { get; init; }

    /// <summary>dwMaxAPDUDataSize: the longest APDU data field the reader carries (0: short APDUs only).</summary>
    public uint? MaxApduDataSize { get; init; }

    /// <summary>wIdVendor: the USB vendor id.</summary>
    public ushort? VendorId { get; init; }

    /// <summary>wIdProduct: the USB product id.</summary>
    public ushort? ProductId { get; init; }

    /// <summary>Properties with tags CardKit does not name, by tag, with their raw values.</summary>
    public IReadOnlyDictionary<byte, byte[]> OtherProperties { get; init; } = new Dictionary<byte, byte[]>();

    /// <summary>Decodes the TLV list.</summary>
    /// <exception cref="CardKitFormatException">A TLV is truncated, a known property has the wrong size, or a tag repeats; the offset says where.</exception>
    public static Part10Properties Parse(ReadOnlySpan<byte> source) =>
        TryParse(source, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes the TLV list without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> source, out Part10Properties? result) =>
        TryParse(source, out result, out _);

    private static bool TryParse(ReadOnlySpan<byte> source, out Part10Properties? result, out CardKitFormatException? error)
    {
        result = null;
        error = null;
        var values = new Dictionary<byte, (int Offset, byte[] Value)>();
        var at = 0;
        while (at < source.Length)
        {
            if (source.Length - at < 2)
            {
                error = new CardKitFormatException($"property TLV at {at} is truncated: no length byte", source.Length);
                return false;
            }
            var (tag, length) = (source[at], source[at + 1]);
            if (source.Length - at - 2 < length)
            {
                error = new CardKitFormatException(
                    $"property {tag:X2} is truncated: {length} bytes announced, {source.Length - at - 2} present", source.Length);
                return false;
            }
            if (ExpectedSize(tag) is { } size && size != length)
            {
                error = new CardKitFormatException($"property {Name(tag)} is {size} bytes, not {length}", at + 1);
                return false;
            }
            if (!values.TryAdd(tag, (at, source.Slice(at + 2, length).ToArray())))
            {
                error = new CardKitFormatException($"property {Name(tag)} appears twice", at);
                return false;
            }
            at += 2 + length;
        }
        result = new Part10Properties
        {
            LcdLayout = UInt16(values, LcdLayoutTag),
            EntryValidationCondition = (PinEntryConditions?)Byte(values, EntryValidationConditionTag),
            TimeOut2 = Byte(values, TimeOut2Tag),
            LcdMaxCharacters = UInt16(values, LcdMaxCharactersTag),
            LcdMaxLines = UInt16(values, LcdMaxLinesTag),
            MinPinSize = Byte(values, MinPinSizeTag),
            MaxPinSize = Byte(values, MaxPinSizeTag),
            FirmwareId = values.Remove(FirmwareIdTag, out var firmware) ? Encoding.Latin1.GetString(firmware.Value) : null,
            PpduSupport = Byte(values, PpduSupportTag),
            MaxApduDataSize = values.Remove(MaxApduDataSizeTag, out var max) ? BinaryPrimitives.ReadUInt32LittleEndian(max.Value) : null,
            VendorId = UInt16(values, VendorIdTag),
            ProductId = UInt16(values, ProductIdTag),
            OtherProperties = values.ToDictionary(v => v.Key, v => v.Value.Value),
        };
        return true;
    }

    private static byte? Byte(Dictionary<byte, (int, byte[] Value)> values, byte tag) =>
        values.Remove(tag, out var v) ? v.Value[0] : null;

    private static ushort? UInt16(Dictionary<byte, (int, byte[] Value)> values, byte tag) =>
        values.Remove(tag, out var v) ? BinaryPrimitives.ReadUInt16LittleEndian(v.Value) : null;

    // The value sizes the b/w/dw prefixes give (PC/SC Part 10 v2.02); null for the string and unknown tags.
    private static int? ExpectedSize(byte tag) => tag switch
    {
        LcdLayoutTag or LcdMaxCharactersTag or LcdMaxLinesTag or VendorIdTag or ProductIdTag => 2,
        EntryValidationConditionTag or TimeOut2Tag or MinPinSizeTag or MaxPinSizeTag or PpduSupportTag => 1,
        MaxApduDataSizeTag => 4,
        _ => null,
    };

    private static string Name(byte tag) => tag switch
    {
        LcdLayoutTag => "wLcdLayout",
        EntryValidationConditionTag => "bEntryValidationCondition",
        TimeOut2Tag => "bTimeOut2",
        LcdMaxCharactersTag => "wLcdMaxCharacters",
        LcdMaxLinesTag => "wLcdMaxLines",
        MinPinSizeTag => "bMinPINSize",
        MaxPinSizeTag => "bMaxPINSize",
        FirmwareIdTag => "sFirmwareID",
        PpduSupportTag => "bPPDUSupport",
        MaxApduDataSizeTag => "dwMaxAPDUDataSize",
        VendorIdTag => "wIdVendor",
        ProductIdTag => "wIdProduct",
        _ => $"{tag:X2}",
    };

    /// <summary>The TLV list: the known properties that are set, in tag order, then <see cref="OtherProperties"/>.</summary>
    /// <exception cref="InvalidOperationException">The firmware id or an other property is longer than 255 bytes.</exception>
    public byte[] Encode()
    {
        var output = new List<byte>(64);
        AddUInt16(output, LcdLayoutTag, LcdLayout);
        AddByte(output, EntryValidationConditionTag, (byte?)EntryValidationCondition);
        AddByte(output, TimeOut2Tag, TimeOut2);
        AddUInt16(output, LcdMaxCharactersTag, LcdMaxCharacters);
        AddUInt16(output, LcdMaxLinesTag, LcdMaxLines);
        AddByte(output, MinPinSizeTag, MinPinSize);
        AddByte(output, MaxPinSizeTag, MaxPinSize);
        if (FirmwareId is not null)
            Add(output, FirmwareIdTag, Encoding.Latin1.GetBytes(FirmwareId));
        AddByte(output, PpduSupportTag, PpduSupport);
        if (MaxApduDataSize is { } max)
        {
            Span<byte> value = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(value, max);
            Add(output, MaxApduDataSizeTag, value);
        }
        AddUInt16(output, VendorIdTag, VendorId);
        AddUInt16(output, ProductIdTag, ProductId);
        foreach (var (tag, value) in OtherProperties.OrderBy(p => p.Key))
            Add(output, tag, value);
        return [.. output];
    }

    private static void AddByte(List<byte> output, byte tag, byte? value)
    {
        if (value is { } v)
            Add(output, tag, [v]);
    }

    private static void AddUInt16(List<byte> output, byte tag, ushort? value)
    {
        if (value is { } v)
            Add(output, tag, [(byte)v, (byte)(v >> 8)]);
    }

    private static void Add(List<byte> output, byte tag, ReadOnlySpan<byte> value)
    {
        if (value.Length > 255)
            throw new InvalidOperationException($"Property {Name(tag)} is {value.Length} bytes; a TLV holds at most 255.");
        output.Add(tag);
        output.Add((byte)value.Length);
        output.AddRange(value);
    }
}
