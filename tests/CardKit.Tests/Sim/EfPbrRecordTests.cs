using CardKit.Sim;

namespace CardKit.Tests.Sim;

/// <summary>EF_PBR records (3GPP TS 31.102 §4.4.2.1) decoded without a card, and the layouts they give.</summary>
public class EfPbrRecordTests
{
    // The built-in USIM: A8 {C0 ADN 4F3A SFI 01, C4 ANR 4F11 SFI 02, CA EMAIL 4F50 SFI 03}, AA {C2 EXT1 4F4A SFI 04}.
    private const string Type1 = "A80FC0034F3A01C4034F1102CA034F5003AA05C2034F4A04";

    // UsimVariants.Type2Email: e-mail moved to A9, EF_IAP 4F25 (SFI 05) in A8.
    private const string Type2 = "A80FC0034F3A01C1034F2505C4034F1102A905CA034F5003AA05C2034F4A04";

    private static readonly Dictionary<PhonebookFileTag, RecordFileInfo> Described = new()
    {
        [PhonebookFileTag.Adn] = new("EF_ADN", 0x4F3A, 30, 250),
        [PhonebookFileTag.Ext1] = new("EF_EXT1", 0x4F4A, 13, 10),
        [PhonebookFileTag.Email] = new("EF_EMAIL", 0x4F50, 26, 250),
        [PhonebookFileTag.Anr] = new("EF_ANR", 0x4F11, 17, 250),
        [PhonebookFileTag.Iap] = new("EF_IAP", 0x4F25, 1, 250),
    };

    [Fact]
    public void A_type_1_record_names_its_files_with_their_types_and_SFIs()
    {
        var pbr = EfPbrRecord.Decode(1, Hex.Parse(Type1));
        Assert.Equal(
            [
                new PbrFileReference(PhonebookFileTag.Adn, PbrFileType.Type1, 0x4F3A, 0x01),
                new PbrFileReference(PhonebookFileTag.Anr, PbrFileType.Type1, 0x4F11, 0x02),
                new PbrFileReference(PhonebookFileTag.Email, PbrFileType.Type1, 0x4F50, 0x03),
                new PbrFileReference(PhonebookFileTag.Ext1, PbrFileType.Type3, 0x4F4A, 0x04),
            ], pbr.Files);
        Assert.Equal((byte)0x01, pbr.AdnSfi);
        Assert.Null(pbr.IapPosition(PhonebookFileTag.Email));
        // Selected in this order: EF_ADN, EF_EXT1, EF_EMAIL, EF_ANR; no EF_IAP without type 2 files.
        Assert.Equal([PhonebookFileTag.Adn, PhonebookFileTag.Ext1, PhonebookFileTag.Email, PhonebookFileTag.Anr], pbr.LayoutFiles().Select(f => f.Tag));
        var layout = pbr.ToLayout(Described);
        Assert.Equal(PhonebookDirectory.Phonebook, layout.Directory);
        Assert.Null(layout.Iap);
        Assert.Null(layout.EmailIapPosition);
        Assert.Equal("DF_TELECOM/DF_PHONEBOOK 7F10/5F3A (EF_PBR record 1)", layout.Location);
    }

    [Fact]
    public void A_type_2_file_is_linked_through_the_EF_IAP_byte_of_its_template_position()
    {
        var pbr = EfPbrRecord.Decode(1, Hex.Parse(Type2));
        Assert.Equal(0, pbr.IapPosition(PhonebookFileTag.Email));
        Assert.Null(pbr.IapPosition(PhonebookFileTag.Anr)); // type 1
        Assert.Equal(PhonebookFileTag.Iap, pbr.LayoutFiles()[^1].Tag);
        var layout = pbr.ToLayout(Described);
        Assert.Equal((ushort)0x4F25, layout.Iap?.Fid);
        Assert.Equal(0, layout.EmailIapPosition);
        Assert.Null(layout.AnrIapPosition);
        // A card without the EF_IAP that EF_PBR names cannot link type 2 records: no position then.
        var withoutIap = pbr.ToLayout(Described.Where(d => d.Key != PhonebookFileTag.Iap).ToDictionary());
        Assert.Null(withoutIap.EmailIapPosition);
    }

    [Fact]
    public void Later_records_are_further_sets_named_with_a_suffix_and_unused_ones_are_skipped()
    {
        var sets = EfPbrRecord.DecodeSets([Hex.Parse(Type1), Hex.Parse("A805C0034F3B06"), Hex.Parse("FFFFFFFFFFFF")]);
        Assert.Equal([1, 2], sets.Select(s => s.Number));
        Assert.Equal("EF_ADN#2", sets[1].FileName(PhonebookFileTag.Adn));
        Assert.Equal("EF_EMAIL", sets[0].FileName(PhonebookFileTag.Email));
        Assert.Equal((byte)0x06, sets[1].AdnSfi);
        Assert.Equal("DF_TELECOM/DF_PHONEBOOK 7F10/5F3A (EF_PBR record 2)", sets[1].ToLayout(new Dictionary<PhonebookFileTag, RecordFileInfo>
        {
            [PhonebookFileTag.Adn] = new("EF_ADN#2", 0x4F3B, 30, 20),
        }).Location);
    }

    [Theory]
    [InlineData("FFFFFFFF", "has no EF_ADN")] // record 1 is never skipped
    [InlineData("A805C4034F1102", "has no EF_ADN")]
    [InlineData("A80FC0034F", "")] // template longer than the record
    public void A_record_without_EF_ADN_or_with_broken_TLV_is_bad_data(string hex, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => EfPbrRecord.DecodeSets([Hex.Parse(hex)]));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_outside_C0_CB_and_other_templates_are_skipped()
    {
        var pbr = EfPbrRecord.Decode(1, Hex.Parse("A809C0034F3A01D0024F99" + "AB04C2024F4A"));
        Assert.Equal([new PbrFileReference(PhonebookFileTag.Adn, PbrFileType.Type1, 0x4F3A, 0x01)], pbr.Files);
    }

    [Fact]
    public void A_layout_needs_the_card_to_have_described_EF_ADN() =>
        Assert.Throws<ArgumentException>(() => EfPbrRecord.Decode(1, Hex.Parse(Type1)).ToLayout(new Dictionary<PhonebookFileTag, RecordFileInfo>()));
}
