using CardKit.Sim;

namespace CardKit.Tests.Sim;

public class SimCodecTests
{
    [Theory]
    // Android IccUtils/AdnRecord tests: GSM alphabet, international number.
    [InlineData("566F696365204D61696C07918150367742F3FFFFFFFFFFFF", "Voice Mail", "+18056377243", AlphaCoding.Gsm7)]
    // TS 102 221 Annex A 0x80 (Android test vector): 陳厚坤/M.
    [InlineData("809673539A5764002F004DFFFFFFFFFF068121436587F9FFFFFFFFFFFFFF", "陳厚坤/M", "123456789", AlphaCoding.Ucs2)]
    // Annex A 0x81 (Android): base 0x0080, "Voìce Màil".
    [InlineData("810A01566FEC6365204DE0696CFFFFFF06816021436587FFFFFFFFFFFFFF", "Voìce Màil", "0612345678", AlphaCoding.Ucs2HalfPage)]
    // Annex A 0x82 (Android): base 0x0530, "-Բփ-1".
    [InlineData("820505302D82D32D31FFFFFFFFFFFFFF07917314103254F6FFFFFFFFFFFF", "-Բփ-1", "+37410123456", AlphaCoding.Ucs2Base)]
    // oFono unit test 0x81 vector: base 0x0400 (Cyrillic), "гдеST".
    [InlineData("810508B3B4B55354FFFFFFFFFFFFFFFF07914759214365F7FFFFFFFFFFFF", "гдеST", "+74951234567", AlphaCoding.Ucs2HalfPage)]
    // GSM escape table: [ and ] (TS 23.038 §6.2.1.1); service code with * and #.
    [InlineData("426F62201B3C571B3EFFFFFFFFFFFFFF04811A00FBFFFFFFFFFFFFFFFFFF", "Bob [W]", "*100#", AlphaCoding.Gsm7)]
    public void Decodes_the_published_vectors(string hex, string name, string number, AlphaCoding coding)
    {
        var record = AdnRecord.Decode(1, Hex.Parse(hex));
        Assert.Equal(name, record.Name);
        Assert.Equal(number, record.DisplayNumber);
        Assert.Equal(coding, record.NameCoding);
        Assert.Null(record.Error);
        Assert.False(record.NonConforming);
    }

    [Fact]
    public void All_X_alpha_bytes_are_used_not_X_minus_1()
    {
        // A 14-byte name filling the whole alpha field of a 28-byte record.
        var record = AdnRecord.Decode(1, Hex.Parse("4142434445464748494A4B4C4D4E" + "FFFFFFFFFFFFFFFFFFFFFFFFFFFF"));
        Assert.Equal("ABCDEFGHIJKLMN", record.Name);
    }

    [Fact]
    public void Latin1_bytes_from_non_conforming_writers_are_kept_and_flagged()
    {
        var record = AdnRecord.Decode(6, Hex.Parse("4672616EE76F697365FFFFFFFFFFFFFF07913316325476F8FFFFFFFFFFFF"));
        Assert.Equal("Françoise", record.Name);
        Assert.True(record.NonConforming);
        Assert.Equal("+33612345678", record.DisplayNumber);
    }

    [Fact]
    public void EXT1_chains_continue_the_number()
    {
        // Android AdnRecordTest: ADN with EXT1 record 1 -> +18885551212,12345678901234567890 (C = pause).
        var ext = Hex.Parse("0206092143658709FFFFFFFFFF");
        var record = AdnRecord.Decode(5, Hex.Parse("4164676A6DFFFFFFFFFFFFFFFFFFFFFF0B918188551512C221436587FF01"), id => id == 1 ? ext : null);
        Assert.Equal("Adgjm", record.Name);
        Assert.Equal("+18885551212p12345678901234567890", record.DisplayNumber);
        Assert.Null(record.Error);
    }

    [Fact]
    public void EXT1_loops_and_missing_records_are_reported_on_the_entry()
    {
        var looping = Hex.Parse("02010901FFFFFFFFFFFFFFFF01");
        var adn = Hex.Parse("4164676A6DFFFFFFFFFFFFFFFFFFFFFF0B918188551512C221436587FF01");
        Assert.Contains("loops", AdnRecord.Decode(5, adn, _ => looping).Error, StringComparison.Ordinal);
        Assert.Contains("missing", AdnRecord.Decode(5, adn, _ => null).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", true)]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00FFFFFFFFFFFFFFFFFFFFFFFFFF", true)]
    [InlineData("416C6963FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", false)]
    public void Empty_records_are_recognised(string hex, bool empty) =>
        Assert.Equal(empty, AdnRecord.Decode(9, Hex.Parse(hex)).IsEmpty);

    [Fact]
    public void A_length_byte_too_large_flags_the_entry_instead_of_throwing()
    {
        var record = AdnRecord.Decode(3, Hex.Parse("416C6963FFFFFFFFFFFFFFFFFFFFFFFF0C91214365F7FFFFFFFFFFFFFFFF"));
        Assert.Equal("Alic", record.Name);
        Assert.Contains("BCD length 12", record.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alice", "+4915112345678", AlphaCoding.Gsm7)]
    [InlineData("Voìce Màil", "0612345678", AlphaCoding.Gsm7)] // ì and à are in the GSM alphabet
    [InlineData("гдеST", "+74951234567", AlphaCoding.Ucs2HalfPage)]
    [InlineData("-Բփ-1", "+37410123456", AlphaCoding.Ucs2Base)]
    [InlineData("陳厚坤/M", "123456789", AlphaCoding.Ucs2)]
    [InlineData("Bob [W] €", "*100#", AlphaCoding.Gsm7)]
    [InlineData("Ελένη", "+302101234567", AlphaCoding.Ucs2HalfPage)]
    [InlineData("", "112", AlphaCoding.Gsm7)]
    [InlineData("Name only", "", AlphaCoding.Gsm7)]
    public void Encode_picks_the_most_compact_scheme_and_round_trips(string name, string number, AlphaCoding coding)
    {
        var encoded = AdnRecord.Encode(name, number, 30);
        var decoded = AdnRecord.Decode(1, encoded);
        Assert.Equal(name, decoded.Name);
        Assert.Equal(number, decoded.DisplayNumber);
        Assert.Equal(coding, decoded.NameCoding);
        Assert.Equal(encoded, AdnRecord.Encode(decoded.Name, decoded.DisplayNumber, 30));
    }

    [Fact]
    public void Characters_across_two_UCS2_pages_need_the_16_bit_base_scheme()
    {
        // ѿ (U+047F) and Ӿ (U+04FE) are within 128 code points of each other but not in one half page.
        var field = AlphaIdentifier.Encode("ѿӾѿӾ", 16);
        Assert.Equal(0x82, field[0]);
        Assert.Equal("ѿӾѿӾ", AlphaIdentifier.Decode(field).Text);
    }

    [Fact]
    public void Long_numbers_spill_into_EXT1_and_round_trip()
    {
        const string number = "+1888555121212345678901234567890";
        Assert.Equal(1, AdnRecord.ExtensionRecordsNeeded(number));
        var adn = AdnRecord.Encode("Adgjm", number, 30, firstExtensionRecord: 3);
        var ext = Ext1Record.Encode(number, [3]);
        var decoded = AdnRecord.Decode(1, adn, id => id == 3 ? ext[0] : null);
        Assert.Equal(number, decoded.DisplayNumber);
    }

    [Theory]
    [InlineData("A very long name that does not fit", "1", "needs 34 bytes")]
    [InlineData("陳厚坤陳厚坤陳厚坤", "1", "UCS2")]
    [InlineData("Emoji 😀", "1", "outside UCS2")]
    public void Names_that_do_not_fit_are_refused_with_the_reason(string name, string number, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => AdnRecord.Encode(name, number, 30));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_with_letters_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => AdnRecord.Encode("x", "+49 ABC", 30));
        Assert.Contains("not a dialling digit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_shorter_than_the_fixed_part_is_bad_data() =>
        Assert.Equal(0, Assert.Throws<CardKitFormatException>(() => AdnRecord.Decode(1, new byte[13])).Offset);

    [Theory]
    // TS 31.102 §4.4.2.13 coded in the GSM alphabet: '@' is 0x00 (TS 23.038 §6.2.1), '_' is 0x11.
    [InlineData("616C696365006578616D706C652E6F7267FFFFFFFFFFFFFFFF", "alice@example.org", AlphaCoding.Gsm7)]
    [InlineData("7A6F65116B00782E6F7267FFFFFFFFFF", "zoe_k@x.org", AlphaCoding.Gsm7)]
    // UCS2 (TS 102 221 Annex A, 0x80): "bob@x.de" as 16-bit characters.
    [InlineData("800062006F006200400078002E00640065FFFFFF", "bob@x.de", AlphaCoding.Ucs2)]
    // Written in ASCII by a non-conforming tool: '@' as 0x40 (GSM '¡'), '_' as 0x5F (GSM '§').
    [InlineData("616C696365406578616D706C652E6F7267FFFFFFFFFFFFFFFF", "alice@example.org", AlphaCoding.Ascii)]
    [InlineData("7A6F655F6B40782E6F7267FFFFFFFFFF", "zoe_k@x.org", AlphaCoding.Ascii)]
    // Latin-1 bytes (0xE9 = é) in a GSM field: read as Latin-1, as names are.
    [InlineData("72E96D7940782E6672FFFFFF", "rémy@x.fr", AlphaCoding.Latin1)]
    public void E_mail_fields_are_read_in_their_coding_and_ASCII_ones_are_flagged(string hex, string email, AlphaCoding coding)
    {
        var text = AlphaIdentifier.DecodeEmail(Hex.Parse(hex));
        Assert.Equal(email, text.Text);
        Assert.Equal(coding, text.Coding);
        Assert.Equal(coding is AlphaCoding.Ascii or AlphaCoding.Latin1, text.NonConforming);
    }

    [Fact]
    public void A_name_with_0x40_is_still_GSM_only_an_e_mail_field_is_read_as_ASCII()
    {
        // "¡Hola!" in the GSM alphabet: 0x40 is '¡' in a name.
        var field = Hex.Parse("40486F6C6121FFFF");
        Assert.Equal(new AlphaText("¡Hola!", AlphaCoding.Gsm7), AlphaIdentifier.Decode(field));
        Assert.Equal(AlphaCoding.Ascii, AlphaIdentifier.DecodeEmail(field).Coding);
        // An e-mail written by CardKit (GSM, '@' = 0x00) decodes to the address it was written from.
        Assert.Equal(new AlphaText("a@b.c", AlphaCoding.Gsm7), AlphaIdentifier.DecodeEmail(AlphaIdentifier.Encode("a@b.c", 24)));
    }
}
