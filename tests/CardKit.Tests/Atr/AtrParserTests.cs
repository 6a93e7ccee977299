using FsCheck.Fluent;
using CardKit.Atr;

namespace CardKit.Tests.Atr;

public class AtrParserTests
{
    private static AnswerToReset P(string hex) => AtrParser.Parse(hex);

    private static string Meaning(AnswerToReset atr, string field) =>
        AtrExplanation.Explain(atr).First(l => l.Field == field).Meaning;

    [Theory]
    // Real ATRs (public, from smartcard_list.txt and the parseATR/pcsc-tools documentation), valid.
    [InlineData("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", "0,1")]           // MIFARE Classic 1K via PC/SC part 3
    [InlineData("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69", "0,1")]           // MIFARE Classic 4K
    [InlineData("3B 81 80 01 80 80", "0,1")]                                                     // MIFARE DESFire (ISO 14443-4)
    [InlineData("3B A7 00 40 18 80 65 A2 08 01 01 52", "0")]                                   // T=0 only, no TCK
    [InlineData("3F FF 95 00 FF 91 81 71 A0 47 00 44 4E 41 53 50 30 31 31 20 52 65 76 42 30 36 4E", "1")] // inverse convention
    [InlineData("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B7", "1")]                // JCOP 2.4.1
    [InlineData("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2", "0,15")]  // UICC, T=15
    [InlineData("3B FA 13 00 FF 81 31 80 45 00 31 C1 73 C0 01 00 00 90 00 B1", "1")]          // OpenPGP card
    [InlineData("3B 8C 80 01 59 75 62 69 6B 65 79 4E 45 4F 72 33 58", "0,1")]                   // YubiKey NEO
    [InlineData("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4", "1")]                // YubiKey 4
    [InlineData("3B 9A 96 C0 10 31 FE 5D 00 64 05 7B 01 02 31 80 90 00 76", "0,1")]            // EU smart tachograph card
    [InlineData("3B 16 94 71 01 01 05 02 00", "0")]                                            // GSM SIM (CardKit's virtual SIM)
    [InlineData("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00", "0")]                    // CardKit's virtual ISO card
    [InlineData("3B 02 14 50", "0")]
    [InlineData("3B 40 FF", "0")]                                                              // TC1 = 255
    public void Valid_ATRs_decode_without_defects(string hex, string protocols)
    {
        var atr = P(hex);
        Assert.True(atr.IsValid, string.Join("; ", atr.Defects.Select(d => d.Message)));
        Assert.Equal(protocols, string.Join(',', atr.Protocols));
    }

    [Fact]
    public void PCSC_part_3_names_the_storage_card()
    {
        var atr = P("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
        var storage = HistoricalBytes.PcscStorage(atr.HistoricalBytes)!;
        Assert.Equal("MIFARE Classic 1K", storage.CardNameText);
        Assert.Equal("ISO 14443 A, part 3", storage.StandardName);
        Assert.Equal("MIFARE Ultralight C", HistoricalBytes.PcscStorage(P("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 3A 00 00 00 00 51").HistoricalBytes)!.CardNameText);
        Assert.Equal("FeliCa", HistoricalBytes.PcscStorage(P("3B 8F 80 01 80 4F 0C A0 00 00 03 06 11 00 3B 00 00 00 00 42").HistoricalBytes)!.StandardName);
    }

    [Fact]
    public void TA1_gives_Fi_Di_and_bit_rates()
    {
        var sim = P("3B 16 94 71 01 01 05 02 00");
        Assert.Equal("Fi=512, Di=8, 64 cycles/ETU, 62500 bit/s at 4 MHz, fmax 5 MHz (78125 bit/s at fmax)", Meaning(sim, "TA1"));
        Assert.Equal("Fi=372, Di=1, 372 cycles/ETU, 10753 bit/s at 4 MHz, fmax 5 MHz (13441 bit/s at fmax)", AtrTables.DescribeTa1(0x11));
    }

    [Fact]
    public void Interface_bytes_after_TD_follow_its_protocol()
    {
        var jcop = P("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B7");
        Assert.Equal("T=1 IFSC 254 bytes (maximum information field the card accepts)", Meaning(jcop, "TA3"));
        Assert.StartsWith("T=1 BWI=4, CWI=5", Meaning(jcop, "TB3"), StringComparison.Ordinal);
        Assert.Equal("extra guard time N=0 ETU", Meaning(jcop, "TC1"));
        var uicc = P("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2");
        Assert.Equal("clock stop, no preference; supply class A (5 V), B (3 V)", Meaning(uicc, "TA3"));
        Assert.Equal("N=255: minimum guard time (12 ETU under T=0, 11 ETU under T=1)", Meaning(P("3B 40 FF"), "TC1"));
        Assert.Equal("T=0 waiting time integer WI=24 (work waiting time = 960 x D x 24 ETU)", Meaning(P("3B A7 00 40 18 80 65 A2 08 01 01 52"), "TC2"));
    }

    [Fact]
    public void Historical_bytes_categories_are_decoded()
    {
        var openPgp = AtrExplanation.Explain(P("3B FA 13 00 FF 81 31 80 45 00 31 C1 73 C0 01 00 00 90 00 B1"));
        Assert.Contains(openPgp, l => l.Field == "Card service data" && l.Meaning.Contains("selection by full DF name", StringComparison.Ordinal));
        Assert.Contains(openPgp, l => l.Field == "Card capabilities" && l.Meaning.StartsWith("selection by full DF name/partial DF name", StringComparison.Ordinal));
        var chaining = AtrExplanation.Explain(P("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 C3"));
        Assert.Contains(chaining, l => l.Field == "Card capabilities" && l.Meaning.EndsWith("command chaining, extended Lc and Le, no logical channels", StringComparison.Ordinal));
        Assert.Contains(openPgp, l => l.Field == "Status indicator" && l.Meaning == "life cycle no information, SW 90 00");
        var jcop = AtrExplanation.Explain(P("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B7"));
        Assert.Contains(jcop, l => l.Field == "Category" && l.Meaning.Contains("proprietary historical bytes \"JCOPv241\"", StringComparison.Ordinal));
        var cardKit = AtrExplanation.Explain(P("3B 0F 80 31 C0 67 43 61 72 64 4B 69 74 73 40 01 00"));
        Assert.Contains(cardKit, l => l.Field == "Pre-issuing data" && l.Meaning.EndsWith("\"CardKit\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6", AtrDefectKind.TckWrong, 17)]
    [InlineData("3B 80", AtrDefectKind.MissingInterfaceByte, 2)]
    [InlineData("3B F8 13 00", AtrDefectKind.MissingInterfaceByte, 4)]
    [InlineData("3B 0A 01 02", AtrDefectKind.HistoricalTruncated, 4)]
    [InlineData("3B 84 80 01 01 11 20 03 36 90 00", AtrDefectKind.ExtraBytes, 9)]
    [InlineData("3B 81 80 01 80", AtrDefectKind.TckMissing, 5)]
    [InlineData("3C 00", AtrDefectKind.InvalidTs, 0)]
    [InlineData("3B 10 71", AtrDefectKind.RfuValue, 2)]
    [InlineData("3B 80 81 11 00 10", AtrDefectKind.RfuValue, 4)]
    [InlineData("3B", AtrDefectKind.MissingInterfaceByte, 1)]
    public void Defective_ATRs_report_what_and_where(string hex, AtrDefectKind kind, int offset)
    {
        var atr = P(hex);
        Assert.False(atr.IsValid);
        var defect = Assert.Single(atr.Defects, d => d.Kind == kind);
        Assert.Equal(offset, defect.Offset);
    }

    [Fact]
    public void A_wrong_TCK_names_the_expected_value()
    {
        var defect = P("3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B6").Defects.Single();
        Assert.Equal((byte)0xB7, defect.Expected);
        Assert.Equal("TCK is B6, expected B7", defect.Message);
    }

    [Fact]
    public void K_too_large_says_how_many_bytes_are_missing()
    {
        var defect = P("3B 0A 01 02").Defects.Single();
        Assert.Equal("T0 announces 10 historical bytes, 2 present (8 missing)", defect.Message);
    }

    [Fact]
    public void More_than_33_bytes_is_too_long()
    {
        var atr = P("3B 0F " + string.Join(' ', Enumerable.Repeat("41", 15)) + " " + string.Join(' ', Enumerable.Repeat("00", 20)));
        Assert.Contains(atr.Defects, d => d.Kind == AtrDefectKind.TooLong);
        Assert.Contains(atr.Defects, d => d.Kind == AtrDefectKind.ExtraBytes && d.Message.StartsWith("20 byte(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_raw_inverse_capture_is_converted_and_said_so()
    {
        var atr = P("03 00 56 FF 00 76 7E 71 FA 1D FF DD 8D 7D 35 F5 F3 73 73 FB B5 59 91 BD F3 93 8D");
        Assert.True(atr.IsValid);
        Assert.Equal(AtrConvention.Inverse, atr.Convention);
        Assert.Equal("3F FF 95 00 FF 91 81 71 A0 47 00 44 4E 41 53 50 30 31 31 20 52 65 76 42 30 36 4E", atr.ToString());
        Assert.Contains(atr.Defects, d => d.Kind == AtrDefectKind.ConvertedFromRawInverse && !d.IsError);
    }

    [Fact]
    public void An_extra_byte_on_a_T0_card_that_would_be_a_correct_TCK_is_pointed_out()
    {
        var defect = P("3B 02 14 50 46").Defects.Single();
        Assert.Equal(AtrDefectKind.ExtraBytes, defect.Kind);
        Assert.Contains("would be a correct TCK", defect.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("3B 0G")]
    [InlineData("3B8")]
    public void Text_that_is_not_an_ATR_is_rejected(string text)
    {
        Assert.Throws<CardKitFormatException>(() => AtrParser.Parse(text));
        Assert.False(AtrParser.TryParse(text, out var atr));
        Assert.Null(atr);
    }

    [Fact]
    public void Any_ATR_parses_back_from_its_own_formatting_and_is_explained_within_its_bytes()
    {
        Properties.Check(Properties.Atrs(), bytes =>
        {
            var atr = AtrParser.Parse(bytes);
            var again = AtrParser.Parse(atr.ToString());
            var lines = AtrExplanation.Explain(atr);
            return again.Bytes.AsSpan().SequenceEqual(atr.Bytes) && again.IsValid == atr.IsValid
                && lines.Count > 0 && lines.All(l => l.Offset >= 0 && l.Offset <= atr.Bytes.Length)
                && atr.Defects.All(d => d.Offset >= 0 && d.Offset <= atr.Bytes.Length);
        }, runs: 20_000);
    }
}
