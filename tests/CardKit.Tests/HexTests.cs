namespace CardKit.Tests;

public class HexTests
{
    [Theory]
    [InlineData("00 A4 00 0C 02 3F 00", "00A4000C023F00")]
    [InlineData("00A4000C023F00", "00A4000C023F00")]
    [InlineData("3b:8f:80", "3B8F80")]
    [InlineData("  90\t00\n", "9000")]
    [InlineData("", "")]
    public void Parse_accepts_packed_spaced_and_colon_separated_hex(string text, string packed)
    {
        Assert.Equal(Convert.FromHexString(packed), Hex.Parse(text));
    }

    [Theory]
    [InlineData("0", 0, "odd number")]
    [InlineData("00 A", 3, "odd number")]
    [InlineData("0 0", 0, "odd number")]
    [InlineData("0G", 1, "'G' is not a hex digit")]
    [InlineData("0x00", 1, "'x' is not a hex digit")]
    public void Parse_reports_what_is_wrong_and_where(string text, int offset, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => Hex.Parse(text));
        Assert.Equal(offset, e.Offset);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(Hex.TryParse(text, out var bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void Format_writes_upper_case_with_the_separator()
    {
        Assert.Equal("3B 8F 80", Hex.Format([0x3B, 0x8F, 0x80]));
        Assert.Equal("3B8F80", Hex.Format([0x3B, 0x8F, 0x80], '\0'));
        Assert.Equal("", Hex.Format([]));
    }
}
