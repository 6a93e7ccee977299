using CardKit.Sim;

namespace CardKit.Tests.Sim;

/// <summary>What SELECT answers, parsed without a card: GSM 11.11 §9.2.1 responses and TS 102 221 FCP templates.</summary>
public class SelectResponseTests
{
    [Fact]
    public void A_GSM_EF_response_gives_record_length_and_count()
    {
        // EF_ADN of the virtual SIM: size 1D4C (250 x 30), FID 6F3A, EF, access 11..., linear fixed (01), record length 1E.
        var file = SimFileSelector.ParseRecordFile(SimKind.Gsm, "EF_ADN", 0x6F3A, Hex.Parse("00 00 1D 4C 6F 3A 04 00 11 FF 11 01 02 01 1E"));
        Assert.Equal(new RecordFileInfo("EF_ADN", 0x6F3A, 30, 250), file);
    }

    [Fact]
    public void A_USIM_FCP_gives_record_length_and_count_from_the_file_descriptor()
    {
        // TS 102 221 §11.1.1.4.3: 82 05 42 21 00 1E FA = linear fixed, 30-byte records, 250 of them.
        var file = SimFileSelector.ParseRecordFile(SimKind.Usim, "EF_ADN", 0x4F3A, Hex.Parse("62 0E 82 05 42 21 00 1E FA 83 02 4F 3A 8A 01 05"));
        Assert.Equal(new RecordFileInfo("EF_ADN", 0x4F3A, 30, 250), file);
    }

    [Theory]
    [InlineData(SimKind.Gsm, "00 00 1D 4C 6F 3A 04", "15 expected")]
    [InlineData(SimKind.Gsm, "00 00 00 20 6F 07 04 00 11 FF 11 01 02 00 00", "not a record file (structure 00)")]
    [InlineData(SimKind.Usim, "62 04 83 02 6F 07", "without file descriptor")]
    [InlineData(SimKind.Usim, "62 04 82 02 41 21", "not a record file")]
    public void A_response_that_describes_no_record_file_is_bad_data(SimKind kind, string hex, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => SimFileSelector.ParseRecordFile(kind, "EF_X", 0x6F07, Hex.Parse(hex)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // GSM 11.11 §9.2.1: byte 14 b8 = 0 (CHV1 enabled), byte 19 = 83 (initialised, 3 tries).
    [InlineData("00 00 10 00 7F 10 02 00 00 00 00 00 09 13 00 11 04 00 83 8A 00 83", true, 3)]
    [InlineData("00 00 10 00 7F 10 02 00 00 00 00 00 09 93 00 11 04 00 81 8A 00 83", false, 1)]
    public void The_GSM_DF_response_gives_the_CHV1_state(string hex, bool enabled, int attempts) =>
        Assert.Equal(new ChvStatus(enabled, attempts, Verified: false), SimFileSelector.ParseGsmChv1(Hex.Parse(hex)));

    [Fact]
    public void A_GSM_DF_response_too_short_for_CHV1_is_bad_data() =>
        Assert.Equal(18, Assert.Throws<CardKitFormatException>(() => SimFileSelector.ParseGsmChv1(new byte[18])).Offset);

    [Theory]
    // TS 102 221 §9.5.2: PS_DO 90 01 C0 = key references 1 and 2 enabled; 40 = only the second.
    [InlineData("62 0B C6 09 90 01 C0 83 01 01 83 01 81", true)]
    [InlineData("62 0B C6 09 90 01 40 83 01 01 83 01 81", false)]
    [InlineData("62 03 83 01 01", true)] // no PIN status template: assume enabled
    [InlineData("62 09 C6", true)] // broken TLV: assume enabled
    public void The_FCP_PIN_status_template_says_whether_PIN1_is_enabled(string hex, bool enabled) =>
        Assert.Equal(enabled, SimFileSelector.ParsePinEnabled(Hex.Parse(hex)));
}
