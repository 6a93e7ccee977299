using CardKit.Ccid;

namespace CardKit.Tests.Ccid;

public class PinFormatTests
{
    [Fact]
    public void The_format_builds_the_scardcontrol_verify_structure_byte_for_byte()
    {
        // libccid examples/scardcontrol.c: ASCII, left, bytes, a 4-byte block, 4 to 8 digits, the validation
        // key, one message, wLangId 0x0904 as that file sets it; its template is passed as it is.
        var format = new PinFormat { BlockLength = 4 };
        var verify = format.BuildVerify(Hex.Parse("00 20 00 00 08 30 30 30 30 00 00 00 00"), langId: 0x0904);
        Assert.Equal("00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 0D 00 00 00 00 20 00 00 08 30 30 30 30 00 00 00 00",
            Hex.Format(verify.EncodePart10()));
    }

    [Fact]
    public void The_format_builds_the_scardcontrol_modify_structure_byte_for_byte()
    {
        var format = new PinFormat { BlockLength = 4 };
        var modify = format.BuildModify(Hex.Parse("00 24 00 00 08 30 30 30 30 30 30 30 30"), currentPinOffset: 0, newPinOffset: 4,
            langId: 0x0904);
        var encoded = modify.EncodePart10();
        Assert.Equal("00 00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 0D 00 00 00", Hex.Format(encoded.AsSpan(0, 24)));
        Assert.Equal("00 24 00 00 08 30 30 30 30 30 30 30 30", Hex.Format(encoded.AsSpan(24)));
    }

    [Fact]
    public void The_uicc_format_gives_the_chv1_template_and_its_structure()
    {
        var template = PinFormat.AsciiPadded.BuildTemplate(0xA0, 0x20, 0x00, 0x01);
        Assert.Equal("A0 20 00 01 08 FF FF FF FF FF FF FF FF", Hex.Format(template));
        var verify = PinFormat.AsciiPadded.BuildVerify(template);
        Assert.Equal(new PinBlockFormat(0x82, 0x08, 0x00), verify.Format);
        Assert.Equal("00 00 82 08 00 08 04 02 01 09 04 00 00 00 00 0D 00 00 00", Hex.Format(verify.EncodePart10().AsSpan(0, 19)));

        var change = PinFormat.AsciiPadded.BuildTemplate(0x00, 0x24, 0x00, 0x01, pins: 2);
        Assert.Equal(21, change.Length);
        var modify = PinFormat.AsciiPadded.BuildModify(change, 0, 8, enterCurrentPin: true, confirmNewPin: false);
        Assert.Equal(PinConfirmation.EnterCurrentPin, modify.Confirmation);
        Assert.Equal((byte)2, modify.NumberMessage);
        Assert.Equal(((byte)0, (byte?)1), (modify.MessageIndex1, modify.MessageIndex2));
    }

    [Fact]
    public void Iso9564_format_2_puts_the_length_in_the_second_nibble_and_the_digits_after_it()
    {
        var format = PinFormat.Iso9564Format2;
        Assert.Equal(new PinBlockFormat(0x89, 0x47, 0x04), format.ToBlockFormat());
        var apdu = format.BuildTemplate(0x00, 0x20, 0x00, 0x80);
        format.ToBlockFormat().WritePin("12345", apdu);
        Assert.Equal("00 20 00 80 08 25 12 34 5F FF FF FF FF", Hex.Format(apdu));
    }

    [Theory]
    // encoding, justification, block, pin, expected data field (template FF)
    [InlineData(PinEncoding.Ascii, PinJustification.Left, 8, "1234", "31 32 33 34 FF FF FF FF")]
    [InlineData(PinEncoding.Ascii, PinJustification.Right, 8, "1234", "FF FF FF FF 31 32 33 34")]
    [InlineData(PinEncoding.Bcd, PinJustification.Left, 8, "12345", "12 34 5F FF FF FF FF FF")]
    [InlineData(PinEncoding.Bcd, PinJustification.Right, 8, "12345", "FF FF FF FF FF F1 23 45")]
    [InlineData(PinEncoding.Binary, PinJustification.Left, 8, "1290", "01 02 09 00 FF FF FF FF")]
    [InlineData(PinEncoding.Ascii, PinJustification.Left, 0, "12345678", "31 32 33 34 35 36 37 38")]
    public void A_pin_is_written_as_a_pin_pad_writes_it(PinEncoding encoding, PinJustification justification, int block, string pin, string expected)
    {
        var apdu = Hex.Parse("00 20 00 01 08 FF FF FF FF FF FF FF FF");
        PinBlockFormat.Create(encoding, justification, 0, true, block).WritePin(pin, apdu);
        Assert.Equal(expected, Hex.Format(apdu.AsSpan(5)));
    }

    [Fact]
    public void Positions_in_bits_and_an_insertion_offset_move_the_pin_and_its_length()
    {
        // PIN from bit 4 of the second PIN's block (insertion offset 2), 4-bit length at bit 0 of it.
        var apdu = Hex.Parse("00 24 00 00 04 FF FF FF FF");
        PinBlockFormat.Create(PinEncoding.Bcd, PinJustification.Left, 4, false, 0, 4, 0, false).WritePin("12", apdu, insertionOffset: 2);
        Assert.Equal("FF FF 21 2F", Hex.Format(apdu.AsSpan(5)));
        var format = new PinFormat { PinBitOffset = 4, LengthBitSize = 4 }.ToBlockFormat();
        Assert.False(format.PinPositionInBytes);
        Assert.Equal(4, format.PinPosition);
    }

    [Theory]
    [InlineData(PinEncoding.Ascii, 4, "12345")]     // longer than the block
    [InlineData(PinEncoding.Bcd, 8, "12a4")]        // BCD takes digits only
    [InlineData(PinEncoding.Ascii, 0, "123456789")] // runs past the data field
    public void A_pin_that_cannot_be_written_is_refused_and_the_template_stays(PinEncoding encoding, int block, string pin)
    {
        var apdu = Hex.Parse("00 20 00 01 08 FF FF FF FF FF FF FF FF");
        var before = Hex.Format(apdu);
        Assert.Throws<ArgumentException>(() => PinBlockFormat.Create(encoding, PinJustification.Left, 0, true, block).WritePin(pin, apdu));
        Assert.Equal(before, Hex.Format(apdu));
        Assert.Throws<ArgumentException>(() => PinFormat.AsciiPadded.ToBlockFormat().WritePin("1234", Hex.Parse("00 20 00 01")));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    public void Validate_refuses_pins_outside_the_format(string pin) =>
        Assert.Throws<ArgumentException>(() => PinFormat.AsciiPadded.Validate(pin));

    [Fact]
    public void Positions_ccid_cannot_express_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new PinFormat { PinBitOffset = 17 }.ToBlockFormat());
        Assert.Throws<InvalidOperationException>(() => new PinFormat { BlockLength = 16 }.ToBlockFormat());
        Assert.Equal(15, new PinFormat { PinBitOffset = 120 }.ToBlockFormat().PinPosition);
    }
}
