using FsCheck.Fluent;

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

    [Fact]
    public void Formatting_parses_back_to_the_same_bytes_with_any_separator()
    {
        Properties.Check(Properties.Bytes(0, 64), bytes =>
            Hex.Parse(Hex.Format(bytes)).AsSpan().SequenceEqual(bytes)
            && Hex.Parse(Hex.Format(bytes, '\0')).AsSpan().SequenceEqual(bytes)
            && Hex.Parse(Hex.Format(bytes, ':')).AsSpan().SequenceEqual(bytes)
            && Hex.Parse(Hex.Format(bytes).ToLowerInvariant()).AsSpan().SequenceEqual(bytes));
    }

    [Fact]
    public void Text_is_read_as_its_hex_digit_pairs_or_rejected_at_the_offending_character()
    {
        var texts = Gen.Elements("0123456789abcdefABCDEF :\tgZ-".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary();
        Properties.Check(texts, text =>
        {
            var runs = text.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
            var wellFormed = runs.All(r => r.Length % 2 == 0 && r.All(char.IsAsciiHexDigit));
            if (Hex.TryParse(text, out var bytes))
                return wellFormed && string.Equals(Hex.Format(bytes, '\0'), string.Concat(runs), StringComparison.OrdinalIgnoreCase);
            var e = Assert.Throws<CardKitFormatException>(() => Hex.Parse(text));
            return !wellFormed && e.Offset >= 0 && e.Offset < text.Length && text[e.Offset] is not (' ' or '\t' or ':');
        });
    }
}
