using CardKit.Ccid;

namespace CardKit.Tests.Ccid;

public class Part10FeatureTests
{
    // What libccid answers CM_IOCTL_GET_FEATURE_REQUEST for a pin pad reader: tag, 04, control code
    // big endian; on pcsc-lite SCARD_CTL_CODE(code) = 0x42000000 + code, and the driver numbers its
    // features 0x42330000 + tag.
    private const string PinPadFeatures =
        "06 04 42 33 00 06 07 04 42 33 00 07 0A 04 42 33 00 0A 12 04 42 33 00 12 13 04 42 33 00 13";

    [Fact]
    public void The_feature_list_gives_each_control_code()
    {
        var list = Part10FeatureList.Parse(Hex.Parse(PinPadFeatures));
        Assert.True(list.TryGetControlCode(Part10Feature.VerifyPinDirect, out var verify));
        Assert.Equal(0x42330006u, verify);
        Assert.True(list.TryGetControlCode(Part10Feature.ModifyPinDirect, out var modify));
        Assert.Equal(0x42330007u, modify);
        Assert.True(list.Supports(Part10Feature.GetTlvProperties));
        Assert.False(list.Supports(Part10Feature.ExecutePace));
        Assert.Equal(
            [Part10Feature.VerifyPinDirect, Part10Feature.ModifyPinDirect, Part10Feature.IfdPinProperties,
             Part10Feature.GetTlvProperties, Part10Feature.CcidEscCommand],
            list.Features.Select(f => f.Key));
        Assert.Equal(PinPadFeatures, Hex.Format(list.Encode()));
    }

    [Fact]
    public void A_reader_without_features_answers_an_empty_list() =>
        Assert.Empty(Part10FeatureList.Parse([]).Features);

    [Theory]
    [InlineData("06", 1)]
    [InlineData("06 03 42 33 00", 1)]
    [InlineData("06 04 42 33 00", 5)]
    [InlineData("06 04 42 33 00 06 06 04 42 33 00 07", 6)]
    [InlineData("06 04 42 33 00 06 07", 7)]
    public void A_malformed_feature_list_is_refused_where_it_goes_wrong(string hex, int offset)
    {
        var bytes = Hex.Parse(hex);
        Assert.Equal(offset, Assert.Throws<CardKitFormatException>(() => Part10FeatureList.Parse(bytes)).Offset);
        Assert.False(Part10FeatureList.TryParse(bytes, out _));
    }

    [Fact]
    public void Tlv_properties_decode_every_named_property()
    {
        var bytes = Hex.Parse(
            "01 02 10 02 " +          // wLcdLayout 0x0210: 2 lines of 16
            "02 01 02 " +             // bEntryValidationCondition: validation key
            "03 01 1E " +             // bTimeOut2 30
            "04 02 10 00 " +          // wLcdMaxCharacters 16
            "05 02 02 00 " +          // wLcdMaxLines 2
            "06 01 04 07 01 08 " +    // bMinPINSize 4, bMaxPINSize 8
            "08 05 56 31 2E 30 30 " + // sFirmwareID "V1.00"
            "09 01 01 " +             // bPPDUSupport: through FEATURE_CCID_ESC_COMMAND
            "0A 04 00 00 01 00 " +    // dwMaxAPDUDataSize 65536
            "0B 02 E6 08 0C 02 34 12 " + // wIdVendor 08E6, wIdProduct 1234
            "7F 01 AA");              // a tag CardKit does not name
        var p = Part10Properties.Parse(bytes);
        Assert.Equal((ushort)0x0210, p.LcdLayout);
        Assert.Equal(PinEntryConditions.ValidationKey, p.EntryValidationCondition);
        Assert.Equal((byte)30, p.TimeOut2);
        Assert.Equal((ushort)16, p.LcdMaxCharacters);
        Assert.Equal((ushort)2, p.LcdMaxLines);
        Assert.Equal(((byte?)4, (byte?)8), (p.MinPinSize, p.MaxPinSize));
        Assert.Equal("V1.00", p.FirmwareId);
        Assert.Equal((byte)1, p.PpduSupport);
        Assert.Equal(65536u, p.MaxApduDataSize);
        Assert.Equal(((ushort?)0x08E6, (ushort?)0x1234), (p.VendorId, p.ProductId));
        Assert.Equal([0xAA], p.OtherProperties[0x7F]);
        Assert.Equal(Hex.Format(bytes), Hex.Format(p.Encode()));
    }

    [Fact]
    public void Absent_properties_stay_null()
    {
        var p = Part10Properties.Parse(Hex.Parse("0B 02 E6 08"));
        Assert.Null(p.LcdLayout);
        Assert.Null(p.MinPinSize);
        Assert.Null(p.FirmwareId);
        Assert.Empty(p.OtherProperties);
    }

    [Theory]
    [InlineData("01 01 00", 1)]          // wLcdLayout is 2 bytes
    [InlineData("0A 02 00 00", 1)]       // dwMaxAPDUDataSize is 4 bytes
    [InlineData("06 01 04 06 01 05", 3)] // bMinPINSize twice
    [InlineData("08 05 56 31", 4)]       // sFirmwareID truncated
    [InlineData("06", 1)]
    public void Malformed_properties_are_refused_where_they_go_wrong(string hex, int offset)
    {
        var bytes = Hex.Parse(hex);
        Assert.Equal(offset, Assert.Throws<CardKitFormatException>(() => Part10Properties.Parse(bytes)).Offset);
        Assert.False(Part10Properties.TryParse(bytes, out _));
    }

    [Fact]
    public void The_pin_properties_structure_is_four_bytes()
    {
        var p = PinProperties.Parse(Hex.Parse("10 02 02 1E"));
        Assert.Equal((2, 16), (p.LcdLines, p.LcdCharactersPerLine));
        Assert.Equal(PinEntryConditions.ValidationKey, p.EntryValidationCondition);
        Assert.Equal((byte)30, p.TimeOut2);
        Assert.Equal("10 02 02 1E", Hex.Format(p.Encode()));
        Assert.Equal(3, Assert.Throws<CardKitFormatException>(() => PinProperties.Parse(Hex.Parse("10 02 02"))).Offset);
        Assert.False(PinProperties.TryParse(Hex.Parse("10 02 02 1E 00"), out _));
    }
}
