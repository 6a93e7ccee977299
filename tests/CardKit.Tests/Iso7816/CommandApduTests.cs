using FsCheck.Fluent;
using CardKit.Iso7816;

namespace CardKit.Tests.Iso7816;

public class CommandApduTests
{
    // ISO/IEC 7816-3:2006 §12.1.3: every case, short and extended.
    [Theory]
    [InlineData("00 A4 00 00", ApduCase.Case1, 0, 0, false)]
    [InlineData("00 B0 00 00 00", ApduCase.Case2, 0, 256, false)]
    [InlineData("00 B0 00 00 10", ApduCase.Case2, 0, 16, false)]
    [InlineData("00 A4 00 0C 02 3F 00", ApduCase.Case3, 2, 0, false)]
    [InlineData("00 A4 04 00 02 3F 00 00", ApduCase.Case4, 2, 256, false)]
    [InlineData("00 B0 00 00 00 01 00", ApduCase.Case2, 0, 256, true)]
    [InlineData("00 B0 00 00 00 00 00", ApduCase.Case2, 0, 65536, true)]
    [InlineData("00 D6 00 00 00 00 02 AA BB", ApduCase.Case3, 2, 0, true)]
    [InlineData("00 2A 9E 9A 00 00 02 AA BB 00 00", ApduCase.Case4, 2, 65536, true)]
    public void Parse_finds_the_case_and_encode_gives_the_same_bytes(string hex, ApduCase expectedCase, int nc, int ne, bool extended)
    {
        var bytes = Hex.Parse(hex);
        var apdu = CommandApdu.Parse(bytes);
        Assert.Equal(expectedCase, apdu.Case);
        Assert.Equal(nc, apdu.Data.Length);
        Assert.Equal(ne, apdu.Ne);
        Assert.Equal(extended, apdu.IsExtended);
        Assert.Equal(bytes, apdu.ToArray());
    }

    [Theory]
    [InlineData("00 A4 00", "header")]
    [InlineData("00 A4 00 0C 02 3F", "Lc says 2")]
    [InlineData("00 A4 00 0C 02 3F 00 00 00", "Lc says 2")]
    [InlineData("00 B0 00 00 00 01", "truncated")]
    [InlineData("00 D6 00 00 00 00 00 AA", "0000")]
    [InlineData("00 D6 00 00 00 00 03 AA BB", "extended Lc says 3")]
    public void Parse_rejects_length_mismatches_with_a_clear_error(string hex, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => CommandApdu.Parse(Hex.Parse(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(CommandApdu.TryParse(Hex.Parse(hex), out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Long_data_or_large_Ne_switches_to_the_extended_form()
    {
        var apdu = new CommandApdu(0x00, 0xD6, 0, 0, new byte[300]);
        Assert.True(apdu.IsExtended);
        Assert.Equal(4 + 3 + 300, apdu.EncodedLength);
        Assert.True(new CommandApdu(0, 0xB0, 0, 0, ne: 257).IsExtended);
    }

    [Fact]
    public void Every_command_encodes_and_parses_back_equal()
    {
        var commands = (
            from header in Gen.Choose(0, 0xFFFF)
            from data in Properties.Bytes(0, 300).Generator
            from ne in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, CommandApdu.MaxShortNe), Gen.Choose(1, CommandApdu.MaxExtendedNe))
            from extended in Gen.Elements(false, true)
            select new CommandApdu((byte)(header >> 8), (byte)header, (byte)(header * 7), 0x0C, data, ne, extended)).ToArbitrary();
        Properties.Check(commands, command =>
        {
            var encoded = command.ToArray();
            var parsed = CommandApdu.Parse(encoded);
            return parsed.Equals(command) && encoded.Length == command.EncodedLength && parsed.ToArray().AsSpan().SequenceEqual(encoded);
        }, runs: 3_000);
    }

    [Fact]
    public void Any_bytes_that_parse_as_a_command_encode_back_to_themselves()
    {
        Properties.Check(Properties.Bytes(0, 12), bytes =>
            !CommandApdu.TryParse(bytes, out var command) || command!.ToArray().AsSpan().SequenceEqual(bytes));
    }
}
