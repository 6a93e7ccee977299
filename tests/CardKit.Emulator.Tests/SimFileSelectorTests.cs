using CardKit.Sim;

namespace CardKit.Emulator.Tests;

/// <summary>The SIM file selector against the virtual SIM and USIM: the SELECTs it sends and what it learns from them.</summary>
public class SimFileSelectorTests
{
    private static (SimFileSelector Files, List<string> Commands, EmulatedChannel Card) Open(string kind)
    {
        var card = new EmulatedChannel(VirtualCards.Create(kind));
        var commands = new List<string>();
        var traced = new TracingChannel(card, new Recorder(commands), ownsInner: false);
        var transport = new SimTransport(new CardSession(traced), kind == "sim" ? SimKind.Gsm : SimKind.Usim);
        return (new SimFileSelector(transport), commands, card);
    }

    [Fact]
    public void DF_TELECOM_is_selected_once_and_not_again_while_no_EF_is_selected()
    {
        var (files, commands, card) = Open("sim");
        using (card)
        {
            files.SelectDirectory(PhonebookDirectory.Telecom);
            // From the MF, a DF under it is selected directly (GSM 11.11 §6.5); then the response comes with GET RESPONSE.
            Assert.Equal(["A0 A4 00 00 02 7F 10", "A0 C0 00 00 16"], commands);
            files.SelectDirectory(PhonebookDirectory.Telecom);
            Assert.Equal(2, commands.Count);
            Assert.Equal(new RecordFileInfo("EF_ADN", 0x6F3A, 30, 250), files.DescribeRecordFile("EF_ADN", 0x6F3A));
            Assert.Equal((ushort)0x6F3A, files.CurrentEf);
            files.SelectDirectory(PhonebookDirectory.Telecom);
            Assert.Equal("A0 A4 00 00 02 3F 00", commands[^4]); // from an EF: back through the MF
        }
    }

    [Fact]
    public void DF_PHONEBOOK_is_selected_by_path_from_the_MF()
    {
        var (files, commands, card) = Open("usim");
        using (card)
        {
            files.SelectDirectory(PhonebookDirectory.Phonebook);
            Assert.Equal("00 A4 08 04 04 7F 10 5F 3A", commands[0]);
            Assert.Equal(new RecordFileInfo("EF_PBR", 0x4F30, 40, 1), files.DescribeRecordFile("EF_PBR", 0x4F30));
        }
    }

    [Theory]
    [InlineData("sim", (ushort)0x6F99)]
    [InlineData("usim", (ushort)0x4F99)]
    public void A_file_the_card_lacks_is_described_as_null(string kind, ushort fid)
    {
        var (files, _, card) = Open(kind);
        using (card)
        {
            files.SelectDirectory(kind == "sim" ? PhonebookDirectory.Telecom : PhonebookDirectory.Phonebook);
            Assert.Null(files.TryDescribeRecordFile("EF_NONE", fid));
        }
    }

    [Fact]
    public void A_DF_is_not_a_record_file()
    {
        var (files, _, card) = Open("sim");
        using (card)
        {
            var e = Assert.Throws<CardKitFormatException>(() => files.DescribeRecordFile("DF_TELECOM", 0x7F10));
            Assert.Contains("not a record file", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_phone_book_set_is_read_in_the_directory_the_layout_names_not_the_one_its_text_suggests()
    {
        using var card = SimCards.Open("usim");
        var layout = card.Sim.FindPhonebook();
        var expected = card.Sim.ReadPhonebookSet(layout).Select(e => e.Adn.Name).ToList();
        card.Sim.ReadIccid(); // EF_ICCID is now selected: the set must select its directory again
        var relabelled = layout with { Location = "DF_TELECOM 7F10" };
        Assert.Equal(expected, card.Sim.ReadPhonebookSet(relabelled).Select(e => e.Adn.Name));
        Assert.Contains("00 A4 08 04 04 7F 10 5F 3A", card.Commands.Skip(card.Commands.LastIndexOf("00 A4 00 04 02 2F E2")));
    }

    private sealed class Recorder(List<string> commands) : IApduObserver
    {
        public void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed) => commands.Add(Hex.Format(command));

        public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed) => commands.Add(Hex.Format(command));

        public void OnReset(string readerName, ReadOnlySpan<byte> atr)
        {
        }
    }
}
