using CardKit.Sim;

namespace CardKit.Emulator.Tests;

/// <summary>CardKit.Sim against the built-in virtual SIM and USIM: detection, PIN safety, the phone book.</summary>
public class SimSessionTests
{
    private static (EmulatedChannel Channel, SimSession Sim) Open(string kind)
    {
        var channel = new EmulatedChannel(VirtualCards.Create(kind));
        return (channel, SimSession.Open(channel));
    }

    [Theory]
    [InlineData("sim", SimKind.Gsm)]
    [InlineData("usim", SimKind.Usim)]
    public void Detects_the_card_kind_and_reads_the_ICCID(string kind, SimKind expected)
    {
        var (channel, sim) = Open(kind);
        using (channel)
        {
            Assert.Equal(expected, sim.Kind);
            Assert.Equal("8944100000001234567", sim.ReadIccid());
            Assert.Null(sim.TryReadImsi());
            sim.VerifyChv1("1234");
            Assert.Equal("234150123456789", sim.TryReadImsi());
        }
    }

    [Fact]
    public void An_ISO_card_is_not_taken_for_a_SIM()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("iso"));
        var e = Assert.Throws<CardStatusException>(() => SimSession.Open(channel));
        Assert.Contains("no USIM application in EF_DIR", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim")]
    [InlineData("usim")]
    public void A_wrong_PIN_reports_the_attempts_left_and_the_last_attempt_is_never_spent(string kind)
    {
        var (channel, sim) = Open(kind);
        using (channel)
        {
            Assert.Equal(3, sim.ReadChv1Status().RemainingAttempts);
            var first = Assert.Throws<WrongPinException>(() => sim.VerifyChv1("9999"));
            Assert.Equal(2, first.RemainingAttempts);
            Assert.Contains("2 attempt(s) left", first.Message, StringComparison.Ordinal);
            Assert.Equal(1, Assert.Throws<WrongPinException>(() => sim.VerifyChv1("9999")).RemainingAttempts);
            var refused = Assert.Throws<PinRefusedException>(() => sim.VerifyChv1("1234"));
            Assert.Equal(PinRefusal.LastAttempt, refused.Reason);
            Assert.Equal(1, refused.RemainingAttempts);
            Assert.Equal(ErrorCategory.CardOrData, refused.Category);
            Assert.DoesNotContain("--", refused.Message, StringComparison.Ordinal); // the host names its own options
            Assert.Equal(1, sim.ReadChv1Status().RemainingAttempts);
            // Allowed to spend it: a wrong one now blocks, and the exception says so.
            var blocked = Assert.Throws<WrongPinException>(() => sim.VerifyChv1("9999", allowLastAttempt: true));
            Assert.Equal(0, blocked.RemainingAttempts);
            Assert.Contains("blocked", blocked.Message, StringComparison.Ordinal);
            Assert.True(sim.ReadChv1Status().Blocked);
            var refusedBlocked = Assert.Throws<PinRefusedException>(() => sim.VerifyChv1("1234", allowLastAttempt: true));
            Assert.Equal(PinRefusal.Blocked, refusedBlocked.Reason);
            Assert.Contains("PUK", refusedBlocked.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12ab")]
    public void A_PIN_that_is_not_4_to_8_digits_is_a_usage_error_and_nothing_is_sent(string pin)
    {
        var (channel, sim) = Open("sim");
        using (channel)
        {
            var before = sim.ApduCount;
            var e = Assert.ThrowsAny<CardKitException>(() => sim.VerifyChv1(pin));
            Assert.Equal(ErrorCategory.Usage, e.Category);
            Assert.Contains("4 to 8 digits", e.Message, StringComparison.Ordinal);
            Assert.Equal(before, sim.ApduCount);
            Assert.Equal(3, sim.ReadChv1Status().RemainingAttempts);
        }
    }

    [Fact]
    public void Open_with_a_PIN_verifies_it_once_and_a_wrong_one_costs_one_attempt()
    {
        using var channel = new EmulatedChannel(VirtualCards.Create("usim"));
        Assert.Equal("234150123456789", SimSession.Open(channel, "1234").TryReadImsi());
        using var other = new EmulatedChannel(VirtualCards.Create("sim"));
        Assert.Equal(2, Assert.Throws<WrongPinException>(() => SimSession.Open(other, "0000")).RemainingAttempts);
        Assert.Equal(2, SimSession.Open(other).ReadChv1Status().RemainingAttempts);
    }

    [Fact]
    public void Reading_without_the_PIN_says_it_is_needed()
    {
        var (channel, sim) = Open("sim");
        using (channel)
        {
            var e = Assert.Throws<Chv1RequiredException>(() => sim.ReadPhonebook().ToList());
            Assert.Equal(0x9804, e.StatusWord.Value);
            Assert.Contains("must be verified first", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_disabled_CHV1_needs_no_PIN()
    {
        var channel = new EmulatedChannel(VirtualCards.Create("sim"));
        var response = new byte[258];
        channel.Transmit(Hex.Parse("A0 26 00 01 08 31 32 33 34 FF FF FF FF"), response);
        var sim = SimSession.Open(channel);
        Assert.False(sim.ReadChv1Status().Enabled);
        sim.VerifyChv1("0000"); // nothing is sent: CHV1 is disabled
        Assert.Equal(9, sim.ReadPhonebook().Count());
    }

    [Fact]
    public void The_GSM_dump_reads_each_record_once_and_selects_little()
    {
        var (channel, sim) = Open("sim");
        using (channel)
        {
            sim.VerifyChv1("1234");
            var before = sim.ApduCount;
            var entries = sim.ReadPhonebook().ToList();
            Assert.Equal(9, entries.Count);
            // EF_EXT1 and EF_ADN: SELECT + GET RESPONSE each; 250 READ RECORDs; the one EXT1 chain costs
            // SELECT EF_EXT1 + GET RESPONSE, READ RECORD, SELECT EF_ADN + GET RESPONSE.
            Assert.Equal(4 + 250 + 5, sim.ApduCount - before);
        }
    }

    [Fact]
    public void The_USIM_phone_book_comes_through_EF_PBR_with_email_and_additional_number()
    {
        var (channel, sim) = Open("usim");
        using (channel)
        {
            sim.VerifyChv1("1234");
            var layout = sim.FindPhonebook();
            Assert.Contains("EF_PBR", layout.Location, StringComparison.Ordinal);
            Assert.Equal(PhonebookDirectory.Phonebook, layout.Directory);
            Assert.Equal(0x4F3A, layout.Adn.Fid);
            var alice = sim.ReadPhonebook().Single(e => e.Adn.Name == "Alice");
            Assert.Equal("alice@example.org", alice.Email);
            Assert.Equal("+4930123456", alice.AdditionalNumber);
            Assert.Equal("+4915112345678", alice.Adn.DisplayNumber);
        }
    }

    [Fact]
    public void Every_EF_PBR_record_is_a_set_of_phone_book_files_and_all_are_read()
    {
        // Cards with more than 250 entries have one EF_PBR record per EF_ADN (TS 31.102 §4.4.2.1);
        // an unused EF_PBR record is all 'FF'.
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CardKit.Testing.UsimVariants.TwoSets()));
        using var channel = new EmulatedChannel(CardData.Load(data));
        var sim = SimSession.Open(channel);
        sim.VerifyChv1("1234");
        var sets = sim.FindPhonebooks();
        Assert.Equal([1, 2], sets.Select(l => l.PbrRecord));
        Assert.Equal("EF_ADN#2", sets[1].Adn.Name);
        Assert.Equal(20, sets[1].Adn.RecordCount);
        var progress = new List<(int Done, int Total)>();
        var entries = sim.ReadPhonebook((done, total) => progress.Add((done, total))).ToList();
        Assert.Equal((270, 270), progress[^1]);
        var second = Assert.Single(entries, e => e.Set == 2);
        Assert.Equal("2:2", second.Position);
        Assert.Equal("+33612345678", second.Adn.DisplayNumber);
        Assert.Equal(entries.Count - 1, entries.Count(e => e.Set == 1));
        Assert.Equal(sim.ReadPhonebookSet(sets[0]).Select(e => e.Position), entries.Where(e => e.Set == 1).Select(e => e.Position));
    }

    [Fact]
    public void Type_2_e_mails_are_found_through_EF_IAP()
    {
        // See UsimVariants.Type2Email for the layout.
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CardKit.Testing.UsimVariants.Type2Email()));
        using var channel = new EmulatedChannel(CardData.Load(data));
        var sim = SimSession.Open(channel);
        sim.VerifyChv1("1234");
        var layout = sim.FindPhonebook();
        Assert.Equal((ushort)0x4F25, layout.Iap?.Fid);
        Assert.Equal(0, layout.EmailIapPosition);
        Assert.Null(layout.AnrIapPosition);
        Assert.Contains(layout.Files, f => f.Name == "EF_IAP");
        var entries = sim.ReadPhonebook().ToList();
        var alice = entries.Single(e => e.Adn.Name == "Alice");
        Assert.Equal("alice@example.org", alice.Email);
        Assert.Equal("+4930123456", alice.AdditionalNumber); // still type 1
        Assert.All(entries.Where(e => e != alice), e => Assert.Null(e.Email)); // bob's record is linked from no EF_IAP record
    }

    [Fact]
    public void Written_records_read_back_and_EXT1_chains_are_followed()
    {
        var (channel, sim) = Open("sim");
        using (channel)
        {
            sim.VerifyChv1("1234");
            var layout = sim.FindPhonebook();
            const string number = "+4930123456789012345678901";
            sim.WriteRecord(layout.Ext1!, 2, Ext1Record.Encode(number, [2])[0]);
            sim.WriteRecord(layout.Adn, 20, AdnRecord.Encode("Zoë Ünal", number, layout.Adn.RecordLength, 2));
            var entry = sim.ReadPhonebook().Single(e => e.RecordNumber == 20);
            Assert.Equal("Zoë Ünal", entry.Adn.Name);
            Assert.Equal(number, entry.Adn.DisplayNumber);
        }
    }

    [Fact]
    public void The_card_information_is_one_typed_result()
    {
        using var card = SimCards.Open("sim", pin: null);
        var info = card.Sim.ReadInfo();
        Assert.Equal((SimKind.Gsm, "3B 16 94 71 01 01 05 02 00", "8944100000001234567", null), (info.Kind, info.Atr, info.Iccid, info.Imsi));
        Assert.Equal(new ChvStatus(true, 3, false), info.Chv1);
        Assert.Equal("DF_TELECOM 7F10", info.Phonebook.Location);
        Assert.Equal(["EF_ADN", "EF_EXT1"], info.Phonebook.Files.Select(f => f.Name));
        using var usim = SimCards.Open("usim");
        Assert.Equal("234150123456789", usim.Sim.ReadInfo().Imsi);
    }

    [Fact]
    public void An_e_mail_written_in_ASCII_is_read_as_ASCII_and_flagged()
    {
        using var card = SimCards.Load(CardKit.Testing.UsimVariants.AsciiEmail());
        var entries = card.Sim.ReadPhonebook().ToList();
        var alice = entries.Single(e => e.Adn.Name == "Alice");
        Assert.Equal("alice@example.org", alice.Email);
        Assert.Equal(AlphaCoding.Ascii, alice.EmailCoding);
        Assert.True(alice.EmailNonConforming);
        Assert.False(alice.Adn.NonConforming);
        Assert.True(PhonebookRow.From(alice).NonConforming);
        // The built-in USIM's e-mail is GSM-coded ('@' = 00): read the same, not flagged.
        using var conforming = SimCards.Open("usim");
        var gsm = conforming.Sim.ReadPhonebook().Single(e => e.Adn.Name == "Alice");
        Assert.Equal(("alice@example.org", AlphaCoding.Gsm7, false), (gsm.Email, gsm.EmailCoding, gsm.NonConforming));
    }
}
