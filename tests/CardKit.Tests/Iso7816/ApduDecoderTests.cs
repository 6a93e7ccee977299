using CardKit.Iso7816;

namespace CardKit.Tests.Iso7816;

public class ApduDecoderTests
{
    [Theory]
    [InlineData("00 A4 04 00 07 A0 00 00 00 87 10 02", "SELECT", "by DF name A0000000871002 (3GPP USIM), return FCI")]
    [InlineData("00 A4 08 04 04 7F 10 5F 3A", "SELECT", "path from MF 7F105F3A, return FCP")]
    [InlineData("00 A4 00 0C 02 3F 00", "SELECT", "file 3F00, no response data")]
    [InlineData("00 B0 83 10 10", "READ BINARY", "SFI 3, offset 16")]
    [InlineData("00 B0 01 00 10", "READ BINARY", "offset 256")]
    [InlineData("A0 B2 01 04 1E", "READ RECORD(S)", "record 1, absolute")]
    [InlineData("00 B2 02 0C 00", "READ RECORD(S)", "record 2, absolute, SFI 1")]
    [InlineData("00 C0 00 00 00", "GET RESPONSE", "256 bytes")]
    [InlineData("00 CA 9F 7F 00", "GET DATA", "tag 9F7F")]
    [InlineData("00 20 00 81 08 31 32 33 34 FF FF FF FF", "VERIFY", "reference 81 (specific)")]
    [InlineData("00 20 00 01", "VERIFY", "reference 01 (global), retry counter query")]
    [InlineData("00 24 00 01 10 31 32 33 34 FF FF FF FF 35 36 37 38 FF FF FF FF", "CHANGE REFERENCE DATA", "reference 01 (global)")]
    [InlineData("00 2C 00 01 10 00", "RESET RETRY COUNTER (UNBLOCK)", "reference 01 (global)")]
    [InlineData("00 22 41 B6 00", "MANAGE SECURITY ENVIRONMENT", "")]
    [InlineData("00 2A 9E 9A 00", "PERFORM SECURITY OPERATION", "")]
    [InlineData("00 84 00 00 08", "GET CHALLENGE", "8 bytes")]
    [InlineData("00 88 00 00 10", "INTERNAL AUTHENTICATE", "")]
    [InlineData("00 82 00 00 10", "EXTERNAL AUTHENTICATE", "")]
    [InlineData("00 70 00 00 01", "MANAGE CHANNEL", "open")]
    [InlineData("00 D6 00 00 01 00", "UPDATE BINARY", "offset 0")]
    [InlineData("00 DC 01 04 01 00", "UPDATE RECORD", "record 1, absolute")]
    [InlineData("00 E2 00 00 01 00", "APPEND RECORD", "record 0, first")]
    [InlineData("80 F2 00 00 00", "STATUS", "")]
    [InlineData("00 7E 00 00", "INS 7E", "")]
    public void Names_the_command_and_its_parameters(string apdu, string name, string parameters)
    {
        var d = ApduDecoder.Describe(Hex.Parse(apdu));
        Assert.Equal(name, d.Name);
        Assert.Equal(parameters, d.Parameters);
    }

    [Theory]
    [InlineData(0x00, "interindustry, channel 0")]
    [InlineData(0x03, "interindustry, channel 3")]
    [InlineData(0x10, "interindustry, command chaining (not the last), channel 0")]
    [InlineData(0x0C, "interindustry, SM, header authenticated, channel 0")]
    [InlineData(0x04, "interindustry, proprietary secure messaging, channel 0")]
    [InlineData(0x41, "interindustry (further), channel 5")]
    [InlineData(0x7F, "interindustry (further), command chaining (not the last), SM, header not authenticated, channel 19")]
    [InlineData(0x6F, "interindustry (further), SM, header not authenticated, channel 19")]
    [InlineData(0xA0, "GSM 11.11 class A0")]
    [InlineData(0x80, "proprietary class 80")]
    [InlineData(0xFF, "invalid class FF (reserved for PPS)")]
    public void Explains_the_class_byte(byte cla, string expected) =>
        Assert.Equal(expected, ApduDecoder.DescribeClass(cla));

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("00 A4 04")]
    public void Short_headers_are_described_not_thrown(string apdu) =>
        Assert.Equal("(truncated header)", ApduDecoder.Describe(Hex.Parse(apdu)).Name);

    [Theory]
    [InlineData("00 20 00 01 08 31 32 33 34 FF FF FF FF", "00 20 00 01 08 ** ** ** ** ** ** ** **")]
    [InlineData("A0 2C 00 00 10 31 32 33 34 35 36 37 38 31 32 33 34 FF FF FF FF", "A0 2C 00 00 10 ** ** ** ** ** ** ** ** ** ** ** ** ** ** ** **")]
    [InlineData("00 20 00 01", "00 20 00 01")]
    [InlineData("00 A4 00 0C 02 3F 00", "00 A4 00 0C 02 3F 00")]
    [InlineData("00 20 00 01 02 31 32 00", "00 20 00 01 02 ** ** 00")]
    public void Traces_mask_PINs(string apdu, string shown) =>
        Assert.Equal(shown, TextTraceObserver.FormatCommand(Hex.Parse(apdu)));

    [Fact]
    public void Any_command_is_described_and_shown_byte_for_byte_with_exactly_its_secret_masked()
    {
        Properties.Check(Properties.Bytes(0, 20), bytes =>
        {
            var shown = TextTraceObserver.FormatCommand(bytes).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var masked = shown.Count(t => t == "**");
            int expectedMasked;
            if (!ApduDecoder.CarriesSecret(bytes))
                expectedMasked = 0;
            else if (CommandApdu.TryParse(bytes, out var command))
                expectedMasked = command!.Data.Length;
            else
                expectedMasked = bytes.Length - 5;
            return ApduDecoder.Describe(bytes).ToString().Length > 0 && shown.Length == bytes.Length && masked == expectedMasked
                && shown.Select((t, i) => t == "**" || t == $"{bytes[i]:X2}").All(ok => ok);
        });
    }

    [Theory]
    [InlineData("00 20 00 01 00 00 04 31 32 33 34", "00 20 00 01 00 00 04 ** ** ** **")]
    [InlineData("00 20 00 01 00 00 04 31 32 33 34 00 00", "00 20 00 01 00 00 04 ** ** ** ** 00 00")]
    [InlineData("00 24 00 01 09 31 32", "00 24 00 01 09 ** **")]
    public void Extended_and_malformed_PIN_commands_are_masked_too(string apdu, string shown) =>
        Assert.Equal(shown, TextTraceObserver.FormatCommand(Hex.Parse(apdu)));
}
