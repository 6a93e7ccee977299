namespace CardKit.Emulator.Tests;

/// <summary>The built-in GSM SIM answers like GSM 11.11 says, through the in-process channel.</summary>
public sealed class SimCardTests : IDisposable
{
    private readonly EmulatedChannel _channel = new(VirtualCards.Create("sim"));

    public void Dispose() => _channel.Dispose();

    private string Send(string apdu)
    {
        var response = new byte[ICardChannel.MaxShortResponse];
        var length = _channel.Transmit(Hex.Parse(apdu), response);
        return Hex.Format(response.AsSpan(0, length));
    }

    [Fact]
    public void Select_announces_the_response_with_9F_and_GET_RESPONSE_returns_it()
    {
        Assert.Equal("9F 16", Send("A0 A4 00 00 02 7F 10"));
        var df = Send("A0 C0 00 00 16");
        // GSM 11.11 §9.2.1: FID at bytes 5-6, type 02 = DF, CHV1 enabled (byte 14 b8 = 0), 3 tries (byte 19).
        Assert.StartsWith("00 00 10 00 7F 10 02", df, StringComparison.Ordinal);
        Assert.Equal(0x13, Hex.Parse(df)[13]);
        Assert.Equal(0x83, Hex.Parse(df)[18]);
        Assert.EndsWith("90 00", df, StringComparison.Ordinal);
    }

    [Fact]
    public void EF_ADN_response_gives_size_structure_and_record_length()
    {
        Send("A0 A4 00 00 02 7F 10");
        Assert.Equal("9F 0F", Send("A0 A4 00 00 02 6F 3A"));
        var ef = Hex.Parse(Send("A0 C0 00 00 0F"));
        Assert.Equal(250 * 30, (ef[2] << 8) | ef[3]);
        Assert.Equal(0x01, ef[13]); // linear fixed
        Assert.Equal(30, ef[14]);
        Assert.Equal(0x11, ef[8]); // read CHV1, update CHV1
    }

    [Fact]
    public void Records_need_CHV1_and_wrong_CHV_counts_down_to_blocked()
    {
        Send("A0 A4 00 00 02 7F 10");
        Send("A0 A4 00 00 02 6F 3A");
        Assert.Equal("98 04", Send("A0 B2 01 04 1E"));
        Assert.Equal("98 04", Send("A0 20 00 01 08 39 39 39 39 FF FF FF FF"));
        Assert.Equal("98 04", Send("A0 20 00 01 08 39 39 39 39 FF FF FF FF"));
        Assert.Equal("98 40", Send("A0 20 00 01 08 39 39 39 39 FF FF FF FF"));
        Assert.Equal("98 40", Send("A0 20 00 01 08 31 32 33 34 FF FF FF FF"));
        // UNBLOCK CHV (GSM 11.11 §9.2.13, P2 00 = CHV1) with the PUK sets a new CHV1.
        Assert.Equal("90 00", Send("A0 2C 00 00 10 31 32 33 34 35 36 37 38 34 33 32 31 FF FF FF FF"));
        Assert.StartsWith("56 6F 69 63 65 20 4D 61 69 6C", Send("A0 B2 01 04 1E"), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_record_writes_and_read_back_returns_it()
    {
        Send("A0 20 00 01 08 31 32 33 34 FF FF FF FF");
        Send("A0 A4 00 00 02 7F 10");
        Send("A0 A4 00 00 02 6F 3A");
        var record = "42 6F 62 FF FF FF FF FF FF FF FF FF FF FF FF FF 03 81 21 F3 FF FF FF FF FF FF FF FF FF FF";
        Assert.Equal("90 00", Send("A0 DC 09 04 1E " + record));
        Assert.Equal(record + " 90 00", Send("A0 B2 09 04 1E"));
        Assert.Equal("67 00", Send("A0 DC 09 04 02 42 6F"));
    }

    [Fact]
    public void Disabling_CHV1_opens_the_phone_book_and_the_DF_response_says_so()
    {
        Assert.Equal("90 00", Send("A0 26 00 01 08 31 32 33 34 FF FF FF FF"));
        Assert.Equal("98 08", Send("A0 20 00 01 08 31 32 33 34 FF FF FF FF"));
        Send("A0 A4 00 00 02 7F 10");
        Assert.Equal(0x93, Hex.Parse(Send("A0 C0 00 00 16"))[13]);
        Send("A0 A4 00 00 02 6F 3A");
        Assert.EndsWith("90 00", Send("A0 B2 01 04 1E"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "67 00")]
    [InlineData("A0", "67 00")]
    [InlineData("A0 A4 00", "67 00")]
    [InlineData("00 A4 00 00 02 3F 00", "6E 00")]
    [InlineData("A0 FE 00 00 00", "6D 00")]
    [InlineData("A0 A4 00 00 02 12 34", "94 04")]
    [InlineData("A0 A4 00 00 05 3F 00", "67 00")]
    [InlineData("A0 B0 00 00 01", "94 00")]
    [InlineData("A0 C0 00 00 10", "6F 00")]
    public void Malformed_or_wrong_commands_get_GSM_status_words(string apdu, string expected) =>
        Assert.Equal(expected, Send(apdu));

    [Fact]
    public void Reset_forgets_the_verified_CHV_but_keeps_written_data()
    {
        Send("A0 20 00 01 08 31 32 33 34 FF FF FF FF");
        Send("A0 A4 00 00 02 7F 10");
        Send("A0 A4 00 00 02 6F 3A");
        Send("A0 DC 0A 04 1E " + string.Join(' ', Enumerable.Repeat("41", 30)));
        _channel.Reset();
        Send("A0 A4 00 00 02 7F 10");
        Send("A0 A4 00 00 02 6F 3A");
        Assert.Equal("98 04", Send("A0 B2 0A 04 1E"));
        Send("A0 20 00 01 08 31 32 33 34 FF FF FF FF");
        Assert.StartsWith("41 41", Send("A0 B2 0A 04 1E"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ICCID_is_readable_without_a_PIN()
    {
        Send("A0 A4 00 00 02 2F E2");
        Assert.Equal("98 44 01 00 00 00 21 43 65 F7 90 00", Send("A0 B0 00 00 0A"));
    }
}
