using CardKit.Sim;

namespace CardKit.Tests.Sim;

/// <summary>vCard and CSV exports read back as the contacts they came from: nothing a SIM entry holds is lost.</summary>
public class ContactsTests
{
    private static readonly PhonebookEntry[] Entries =
    [
        new(AdnRecord.Decode(3, AdnRecord.Encode("Zoë, \"Ü\"; Jr", "+4930123", 30)), "zoe@example.org", "+4930999"),
        new(AdnRecord.Decode(4, AdnRecord.Encode("Bob", "555", 30))),
        new(AdnRecord.Decode(5, AdnRecord.Encode("Second set", "+33612345678", 30))) { Set = 2 },
    ];

    // A record number only places a contact in the first set, which is where writes go.
    private static readonly Contact[] Expected =
    [
        new("Zoë, \"Ü\"; Jr", "+4930123", 3, "zoe@example.org", "+4930999"),
        new("Bob", "555", 4),
        new("Second set", "+33612345678"),
    ];

    [Fact]
    public void A_vCard_export_reads_back_as_the_same_contacts()
    {
        var writer = new StringWriter();
        VCard.Write(writer, Entries);
        Assert.Equal(Expected, VCard.Parse(new StringReader(writer.ToString())));
    }

    [Fact]
    public void A_CSV_export_reads_back_as_the_same_contacts()
    {
        var writer = new StringWriter();
        ContactCsv.Write(writer, Entries);
        Assert.Equal(Expected, ContactCsv.Parse(new StringReader(writer.ToString())));
    }
}
