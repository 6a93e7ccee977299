using CardKit.Sim;
using CardKit.Testing;

namespace CardKit.Emulator.Tests;

/// <summary>The write planner against the virtual SIM, USIM and the type 2 USIM layout: what it plans, what stops it, and that planning writes nothing.</summary>
public class PhonebookWritePlannerTests
{
    private static PhonebookEntry Entry(SimSession sim, int record) => sim.ReadPhonebook().Single(e => e.RecordNumber == record);

    [Fact]
    public void Contacts_go_into_free_records_with_EXT1_for_long_numbers_and_planning_sends_no_update()
    {
        using var card = SimCards.Open("sim");
        Contact[] contacts = [new("Zoë Ünal", "+49 30 1234567"), new("Ελένη", "+302101234567"), new("Number Long", "+1888555121212345678901234567890")];
        var plan = PhonebookWritePlanner.Plan(card.Sim, contacts);
        Assert.True(plan.CanWrite);
        Assert.Empty(plan.Dropped);
        Assert.Empty(card.Updates);
        // ë is not in the GSM alphabet: 0x81 with the half page at 0x0080 (TS 102 221 Annex A).
        var zoe = plan.Writes[0];
        Assert.Equal(("EF_ADN", 9), (zoe.File.Name, zoe.Record));
        Assert.Equal("\"Zoë Ünal\" +49 30 1234567 (Ucs2HalfPage)", zoe.Description);
        Assert.StartsWith("A0 DC 09 04 1E 81 08 01 5A 6F EB", Hex.Format(zoe.Apdu.Span), StringComparison.Ordinal);
        // The EXT1 record is written before the ADN record that points to it.
        var ext = Assert.Single(plan.Writes, w => w.File.Name == "EF_EXT1");
        Assert.Equal(plan.Writes.ToList().IndexOf(ext) + 1, plan.Writes.ToList().FindIndex(w => w.Description.StartsWith("\"Number Long\"", StringComparison.Ordinal)));
        Assert.Equal(4, plan.Writes.Count);

        foreach (var write in plan.Writes)
            card.Sim.Write(write);
        var book = card.Sim.ReadPhonebook().ToList();
        Assert.Equal("+49301234567", book.Single(e => e.Adn.Name == "Zoë Ünal").Adn.DisplayNumber);
        Assert.Equal("+302101234567", book.Single(e => e.Adn.Name == "Ελένη").Adn.DisplayNumber);
        Assert.Equal("+1888555121212345678901234567890", book.Single(e => e.Adn.Name == "Number Long").Adn.DisplayNumber);
    }

    [Fact]
    public void A_used_record_is_a_problem_unless_overwriting_is_allowed()
    {
        using var card = SimCards.Open("sim");
        var overwriter = new Contact("Overwriter", "+100", RecordNumber: 1);
        var refused = PhonebookWritePlanner.Plan(card.Sim, [overwriter]);
        Assert.False(refused.CanWrite);
        Assert.Empty(refused.Writes);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(new WriteProblem(overwriter, WriteProblemKind.RecordInUse, "record 1 holds \"Voice Mail\""), problem);
        Assert.Equal("\"Overwriter\" +100: record 1 holds \"Voice Mail\"", problem.Message);

        var allowed = PhonebookWritePlanner.Plan(card.Sim, [overwriter], overwrite: true);
        var write = Assert.Single(allowed.Writes);
        card.Sim.Write(write);
        Assert.Equal("Overwriter", Entry(card.Sim, 1).Adn.Name);
    }

    [Fact]
    public void Every_contact_that_cannot_be_placed_is_listed_and_nothing_is_planned()
    {
        using var card = SimCards.Open("sim");
        var plan = PhonebookWritePlanner.Plan(card.Sim,
        [
            new("Past the end", "1", RecordNumber: 251),
            new("First", "1", RecordNumber: 20),
            new("Second", "2", RecordNumber: 20),
            new("This name is far too long for a SIM", "1"),
            new("Letters", "+49 ABC"),
            new("Mail", "1", Email: "x@example.org"),
            new("Fine", "123"),
        ]);
        Assert.Equal(
            [WriteProblemKind.RecordDoesNotExist, WriteProblemKind.RecordGivenTwice, WriteProblemKind.CannotEncode, WriteProblemKind.CannotEncode, WriteProblemKind.FieldNotHeld],
            plan.Problems.Select(p => p.Kind));
        Assert.Equal("record 251 does not exist (EF_ADN has 250)", plan.Problems[0].Reason);
        Assert.Contains("needs 35 bytes", plan.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("not a dialling digit", plan.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Equal("e-mail x@example.org: this card has no e-mail file", plan.Problems[4].Reason);
        Assert.All(plan.Problems, p => Assert.DoesNotContain("--", p.Message, StringComparison.Ordinal));
        Assert.Empty(plan.Writes);
        Assert.Empty(card.Updates);
    }

    [Fact]
    public void Fields_a_GSM_SIM_cannot_hold_are_dropped_when_allowed_and_listed()
    {
        using var card = SimCards.Open("sim");
        var zoe = new Contact("Zoe", "+4930999", Email: "zoe@example.org", AdditionalNumber: "+4930777");
        var plan = PhonebookWritePlanner.Plan(card.Sim, [zoe], dropFields: true);
        Assert.True(plan.CanWrite);
        Assert.Equal(["e-mail zoe@example.org: this card has no e-mail file", "additional number +4930777: this card has no additional number file"],
            plan.Dropped.Select(d => d.Reason));
        Assert.Equal("EF_ADN", Assert.Single(plan.Writes).File.Name);
    }

    [Fact]
    public void Type_1_companions_take_the_ADN_record_number_and_a_replaced_entry_loses_its_old_e_mail()
    {
        using var card = SimCards.Open("usim");
        var plan = PhonebookWritePlanner.Plan(card.Sim, [new("Zoe", "+4930999", Email: "zoe_1@example.org", AdditionalNumber: "+4930777")]);
        var adn = plan.Writes.Single(w => w.File.Name == "EF_ADN").Record;
        Assert.Equal(adn, plan.Writes.Single(w => w.File.Name == "EF_EMAIL").Record);
        Assert.Equal(adn, plan.Writes.Single(w => w.File.Name == "EF_ANR").Record);
        foreach (var write in plan.Writes)
            card.Sim.Write(write);
        var zoe = Entry(card.Sim, adn);
        Assert.Equal(("zoe_1@example.org", "+4930777"), (zoe.Email, zoe.AdditionalNumber));

        // Record 8 is Alice, whose e-mail and additional number are record 8 of EF_EMAIL and EF_ANR.
        var replace = PhonebookWritePlanner.Plan(card.Sim, [new("Bob", "+4930888", RecordNumber: 8)], overwrite: true);
        Assert.Contains(replace.Writes, w => w.File.Name == "EF_EMAIL" && w.Record == 8 && !w.Bytes.Span.ContainsAnyExcept((byte)0xFF));
        foreach (var write in replace.Writes)
            card.Sim.Write(write);
        var bob = Entry(card.Sim, 8);
        Assert.Equal(("Bob", null, null), (bob.Adn.Name, bob.Email, bob.AdditionalNumber));
    }

    [Fact]
    public void Type_2_e_mails_take_a_free_record_linked_through_EF_IAP_and_replaced_ones_are_freed()
    {
        // UsimVariants.Type2Email: Alice (ADN 8) -> e-mail record 3; records 1 and 2 are free.
        using var card = SimCards.Load(UsimVariants.Type2Email());
        var plan = PhonebookWritePlanner.Plan(card.Sim, [new("Zoe", "+4930999", Email: "zoe@example.org")]);
        // EF_ANR stays type 1 (emptied for the new entry); EF_IAP is written last, after the record it links.
        Assert.Equal([("EF_ADN", 9), ("EF_EMAIL", 1), ("EF_ANR", 9), ("EF_IAP", 9)], plan.Writes.Select(w => (w.File.Name, w.Record)));
        Assert.Equal("00 DC 09 04 01 01", Hex.Format(plan.Writes[3].Apdu.Span)); // EF_IAP record 9 -> e-mail record 1
        Assert.Equal("01 09", Hex.Format(plan.Writes[1].Bytes.Span[^2..])); // ADN SFI 01, ADN record 9
        foreach (var write in plan.Writes)
            card.Sim.Write(write);
        Assert.Equal("zoe@example.org", Entry(card.Sim, 9).Email);

        var replace = PhonebookWritePlanner.Plan(card.Sim, [new("Bob", "+4930888", RecordNumber: 8)], overwrite: true);
        Assert.Equal([("EF_ADN", 8), ("EF_EMAIL", 3), ("EF_ANR", 8), ("EF_IAP", 8)], replace.Writes.Select(w => (w.File.Name, w.Record)));
        Assert.Equal("no e-mail for \"Bob\" +4930888 (frees the record)", replace.Writes[1].Description);
        Assert.Equal("FF", Hex.Format(replace.Writes[3].Bytes.Span));
        foreach (var write in replace.Writes)
            card.Sim.Write(write);
        Assert.Null(Entry(card.Sim, 8).Email);
        // The freed record is the first one the next new e-mail takes after record 2.
        var next = PhonebookWritePlanner.Plan(card.Sim, [new("A", "1", Email: "a@x.org"), new("B", "2", Email: "b@x.org")]);
        Assert.Equal([2, 3], next.Writes.Where(w => w.File.Name == "EF_EMAIL").Select(w => w.Record));
    }
}
