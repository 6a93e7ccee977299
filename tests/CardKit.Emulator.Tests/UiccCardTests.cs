namespace CardKit.Emulator.Tests;

/// <summary>The built-in USIM and ISO cards: FCP, 61xx/6Cxx, partial AID selection, PIN status.</summary>
public class UiccCardTests
{
    private static string Send(EmulatedChannel channel, string apdu)
    {
        var response = new byte[ICardChannel.MaxShortResponse];
        var length = channel.Transmit(Hex.Parse(apdu), response);
        return Hex.Format(response.AsSpan(0, length));
    }

    [Fact]
    public void A_truncated_USIM_AID_selects_the_ADF_and_FCP_comes_by_GET_RESPONSE()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("usim"));
        var sw = Hex.Parse(Send(channel, "00 A4 04 04 07 A0 00 00 00 87 10 02"));
        Assert.Equal(0x61, sw[0]);
        var fcp = Send(channel, $"00 C0 00 00 {sw[1]:X2}");
        Assert.StartsWith("62", fcp, StringComparison.Ordinal);
        Assert.Contains("84 0C A0 00 00 00 87 10 02 FF 49 FF 05 89", fcp, StringComparison.Ordinal);
        Assert.Contains("C6 09 90 01 C0", fcp, StringComparison.Ordinal); // PIN1 and PIN2 enabled
    }

    [Fact]
    public void CardSession_resolves_61xx_and_6Cxx_for_the_caller()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("usim"));
        var session = new CardSession(channel);
        var fcp = session.Transmit(Hex.Parse("00 A4 08 04 06 7F 10 5F 3A 4F 3A"));
        Assert.True(fcp.StatusWord.IsSuccess);
        Assert.Contains("82 05 42 21 00 1E FA", Hex.Format(fcp.Data), StringComparison.Ordinal);
        Assert.Equal("63 C3", Send(channel, "00 20 00 01"));
        Assert.Equal("90 00", Send(channel, "00 20 00 01 08 31 32 33 34 FF FF FF FF"));
        Assert.Equal("6C 1E", Send(channel, "00 B2 01 04 00"));
        var record = session.Transmit(Hex.Parse("00 B2 01 04 00"));
        Assert.Equal(30, record.Data.Length);
        Assert.StartsWith("56 6F 69 63 65", Hex.Format(record.Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_PINs_answer_63Cx_then_6983_and_VERIFY_without_data_reports_the_counter()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("usim"));
        Assert.Equal("63 C2", Send(channel, "00 20 00 01 08 30 30 30 30 FF FF FF FF"));
        Assert.Equal("63 C2", Send(channel, "00 20 00 01"));
        Assert.Equal("63 C1", Send(channel, "00 20 00 01 08 30 30 30 30 FF FF FF FF"));
        Assert.Equal("69 83", Send(channel, "00 20 00 01 08 30 30 30 30 FF FF FF FF"));
        Assert.Equal("69 83", Send(channel, "00 20 00 01"));
        Assert.Equal("90 00", Send(channel, "00 2C 00 01 10 31 32 33 34 35 36 37 38 31 32 33 34 FF FF FF FF"));
        Assert.Equal("90 00", Send(channel, "00 20 00 01"));
    }

    [Theory]
    [InlineData("00 A4 00 04 02 12 34", "6A 82")]
    [InlineData("A0 A4 00 00 02 3F 00", "6E 00")]
    [InlineData("00 B0 00 00 01", "69 86")]
    [InlineData("00 C0 00 00 05", "69 85")]
    [InlineData("00 20 00 05 08 31 32 33 34 FF FF FF FF", "6A 86")]
    [InlineData("00 A4 04 00 03 A0 00 00", "6A 82")]
    public void ISO_status_words_for_errors(string apdu, string expected)
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("usim"));
        Assert.Equal(expected, Send(channel, apdu));
    }

    [Fact]
    public void The_ISO_card_selects_its_application_and_reads_binary_by_path()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("iso"));
        Assert.Equal("90 00", Send(channel, "00 A4 04 0C 08 F0 43 61 72 64 4B 69 74"));
        Assert.Equal("90 00", Send(channel, "00 A4 02 0C 02 50 01"));
        Assert.Equal("48 65 6C 6C 6F 90 00", Send(channel, "00 B0 00 00 05"));
        Assert.Equal("6C 12", Send(channel, "00 B0 00 00 40"));
        Assert.Equal("6B 00", Send(channel, "00 B0 00 40 01"));
        Assert.Equal("90 00", Send(channel, "00 A4 08 0C 04 50 00 50 02"));
        Assert.Equal("69 82", Send(channel, "00 B2 01 04 08"));
        Assert.Equal(10, Hex.Parse(Send(channel, "00 84 00 00 08")).Length);
    }

    [Fact]
    public void The_ATRs_are_the_documented_ones()
    {
        Assert.Equal("3B 16 94 71 01 01 05 02 00", Hex.Format(VirtualCards.Create("sim").Atr.Span));
        Assert.Equal("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 57 86 81 02 86 98 44 18 A8", Hex.Format(VirtualCards.Create("usim").Atr.Span));
        Assert.Equal("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00", Hex.Format(VirtualCards.Create("iso").Atr.Span));
    }
}

public class ShortFileIdentifierTests
{
    [Fact]
    public void READ_BINARY_with_a_short_EF_identifier_selects_and_reads_the_file()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("iso"));
        var response = new byte[258];
        channel.Transmit(Hex.Parse("00 A4 04 0C 08 F0 43 61 72 64 4B 69 74"), response);
        var length = channel.Transmit(Hex.Parse("00 B0 81 06 04"), response);
        Assert.Equal("66 72 6F 6D 90 00", Hex.Format(response.AsSpan(0, length))); // "from", offset 6 of EF 5001 (SFI 1)
        length = channel.Transmit(Hex.Parse("00 B0 00 00 05"), response);
        Assert.Equal("48 65 6C 6C 6F 90 00", Hex.Format(response.AsSpan(0, length))); // EF 5001 is now the current EF
        length = channel.Transmit(Hex.Parse("00 B0 9E 00 01"), response);
        Assert.Equal("6A 82", Hex.Format(response.AsSpan(0, length)));
    }
}
