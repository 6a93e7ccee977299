using CardKit.Iso7816;

namespace CardKit.Tests.Iso7816;

public class StatusWordsTests
{
    [Theory]
    // ISO/IEC 7816-4:2020 §5.6 table 5.
    [InlineData("90 00", StatusWordContext.Iso7816, StatusWordOutcome.Normal)]
    [InlineData("61 10", StatusWordContext.Iso7816, StatusWordOutcome.Normal)]
    [InlineData("91 00", StatusWordContext.Iso7816, StatusWordOutcome.Normal)]
    [InlineData("9F 0F", StatusWordContext.Iso7816, StatusWordOutcome.Normal)]
    [InlineData("62 83", StatusWordContext.Iso7816, StatusWordOutcome.Warning)]
    [InlineData("63 C2", StatusWordContext.Iso7816, StatusWordOutcome.Warning)]
    [InlineData("63 00", StatusWordContext.Iso7816, StatusWordOutcome.Warning)]
    [InlineData("64 00", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("65 81", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("67 00", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("6A 82", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("6C 10", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("6F 00", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("60 00", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    [InlineData("94 04", StatusWordContext.Iso7816, StatusWordOutcome.Error)]
    // GSM 11.11 §9.4.
    [InlineData("90 00", StatusWordContext.Gsm, StatusWordOutcome.Normal)]
    [InlineData("91 1A", StatusWordContext.Gsm, StatusWordOutcome.Normal)]
    [InlineData("9E 10", StatusWordContext.Gsm, StatusWordOutcome.Normal)]
    [InlineData("9F 17", StatusWordContext.Gsm, StatusWordOutcome.Normal)]
    [InlineData("92 02", StatusWordContext.Gsm, StatusWordOutcome.Warning)]
    [InlineData("92 40", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    [InlineData("93 00", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    [InlineData("94 04", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    [InlineData("98 04", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    [InlineData("98 40", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    [InlineData("6B 00", StatusWordContext.Gsm, StatusWordOutcome.Error)]
    // ETSI TS 102 221 §10.2.1.
    [InlineData("91 20", StatusWordContext.Uicc, StatusWordOutcome.Normal)]
    [InlineData("92 05", StatusWordContext.Uicc, StatusWordOutcome.Normal)]
    [InlineData("62 F3", StatusWordContext.Uicc, StatusWordOutcome.Warning)]
    [InlineData("63 F1", StatusWordContext.Uicc, StatusWordOutcome.Warning)]
    [InlineData("63 C1", StatusWordContext.Uicc, StatusWordOutcome.Warning)]
    [InlineData("93 00", StatusWordContext.Uicc, StatusWordOutcome.Error)]
    [InlineData("98 62", StatusWordContext.Uicc, StatusWordOutcome.Error)]
    [InlineData("69 82", StatusWordContext.Uicc, StatusWordOutcome.Error)]
    public void Each_table_classifies_its_status_words(string sw, StatusWordContext context, StatusWordOutcome outcome)
    {
        Assert.Equal(outcome, StatusWords.Classify(new StatusWord(Convert.ToUInt16(sw.Replace(" ", ""), 16)), context));
    }

    [Theory]
    [InlineData("00 20 00 01 08 31 32 33 34 FF FF FF FF", "63 C2", StatusWordOutcome.Error)]   // VERIFY
    [InlineData("00 20 00 81 04 31 32 33 34", "63 00", StatusWordOutcome.Error)]               // VERIFY, no counter given
    [InlineData("00 24 00 01 10 31 32 33 34 FF FF FF FF 31 32 33 35 FF FF FF FF", "63 C1", StatusWordOutcome.Error)] // CHANGE REFERENCE DATA
    [InlineData("00 2C 00 01 10 31 32 33 34 35 36 37 38 31 32 33 34 FF FF FF FF", "63 C9", StatusWordOutcome.Error)] // RESET RETRY COUNTER
    [InlineData("00 D6 00 00 02 AA BB", "63 C1", StatusWordOutcome.Warning)]                   // UPDATE BINARY: a counter, not a failure
    [InlineData("00 B0 00 00 00", "62 82", StatusWordOutcome.Warning)]
    [InlineData("A0 20 00 01 08 31 32 33 34 FF FF FF FF", "98 04", StatusWordOutcome.Error)]   // GSM VERIFY CHV
    [InlineData("A0 A4 00 00 02 7F 10", "9F 16", StatusWordOutcome.Normal)]
    [InlineData("A0 B2 01 04 1C", "92 01", StatusWordOutcome.Warning)]
    public void The_command_picks_the_table_and_the_instruction_decides_63CX(string command, string sw, StatusWordOutcome outcome)
    {
        Assert.Equal(outcome, StatusWords.Classify(Hex.Parse(command), new StatusWord(Convert.ToUInt16(sw.Replace(" ", ""), 16))));
    }

    [Fact]
    public void Class_A0_means_the_GSM_table_and_anything_else_ISO()
    {
        Assert.Equal(StatusWordContext.Gsm, StatusWords.ContextFor(Hex.Parse("A0 A4 00 00 02 3F 00")));
        Assert.Equal(StatusWordContext.Iso7816, StatusWords.ContextFor(Hex.Parse("00 A4 00 00 02 3F 00")));
        Assert.Equal(StatusWordContext.Iso7816, StatusWords.ContextFor(Hex.Parse("80 F2 00 00 00")));
        Assert.Equal(StatusWordContext.Iso7816, StatusWords.ContextFor([]));
    }

    [Theory]
    [InlineData(0x9000, true)]
    [InlineData(0x6110, true)]
    [InlineData(0x9101, true)]
    [InlineData(0x6283, false)]
    [InlineData(0x63C2, false)]
    [InlineData(0x6A82, false)]
    [InlineData(0x9804, false)]
    public void IsSuccess_is_normal_processing(int sw, bool success)
    {
        Assert.Equal(success, new StatusWord((ushort)sw).IsSuccess);
    }

    [Fact]
    public void The_meaning_of_63CX_follows_the_instruction()
    {
        var sw = new StatusWord(0x63C2);
        Assert.Equal("verification failed, 2 retries left", StatusWords.Describe(Hex.Parse("00 20 00 01 04 31 32 33 34"), sw));
        Assert.Equal("warning: counter is 2 (e.g. 2 tries left)", StatusWords.Describe(Hex.Parse("00 D6 00 00 01 00"), sw));
        Assert.Equal("command successful after 2 internal update retries", StatusWords.Describe(sw, StatusWordContext.Uicc, 0xD6));
        Assert.Equal("verification failed, 2 retries left", StatusWords.Describe(sw, StatusWordContext.Uicc));
        Assert.Equal("access condition not fulfilled / wrong CHV, at least one attempt left", StatusWords.Describe(Hex.Parse("A0 20 00 01 08 31 32 33 34 FF FF FF FF"), new StatusWord(0x9804)));
    }

    [Fact]
    public void Every_status_word_has_an_outcome_and_a_meaning_in_every_table()
    {
        foreach (var context in Enum.GetValues<StatusWordContext>())
        {
            for (var value = 0; value <= 0xFFFF; value += 7)
            {
                var sw = new StatusWord((ushort)value);
                Assert.True(Enum.IsDefined(sw.Classify(context)));
                Assert.False(string.IsNullOrEmpty(sw.Describe(context)));
            }
        }
    }
}
