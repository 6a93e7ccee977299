using FsCheck.Fluent;
using CardKit.Tlv;

namespace CardKit.Tests.Tlv;

public class BerTlvTests
{
    [Theory]
    // ISO/IEC 7816-4:2020 §6.3 examples: one-byte tag, two-byte tag (5F2D), 81 and 82 lengths.
    [InlineData("4F 02 A0 00", 0x4Fu, 2, 2)]
    [InlineData("5F 2D 02 65 6E", 0x5F2Du, 3, 2)]
    [InlineData("7F 49 81 02 01 02", 0x7F49u, 4, 2)]
    [InlineData("53 82 01 00", 0x53u, 4, 256)]
    [InlineData("9F 7F 01 AA", 0x9F7Fu, 3, 1)]
    public void TryRead_decodes_tag_and_length_forms(string hex, uint tag, int valueOffset, int valueLength)
    {
        var bytes = Hex.Parse(hex);
        if (valueLength == 256)
            bytes = [.. bytes, .. new byte[256]];
        Assert.True(BerTlv.TryRead(bytes, out var t, out var offset, out var length, out var consumed));
        Assert.Equal(tag, t);
        Assert.Equal(valueOffset, offset);
        Assert.Equal(valueLength, length);
        Assert.Equal(offset + length, consumed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4F")]
    [InlineData("4F 03 01 02")]
    [InlineData("5F")]
    [InlineData("5F 80 80 80 01 00")]
    [InlineData("4F 85 00 00 00 00 01")]
    [InlineData("4F 80")]
    [InlineData("4F 82 01")]
    public void TryRead_rejects_malformed_objects_and_consumes_nothing(string hex)
    {
        Assert.False(BerTlv.TryRead(Hex.Parse(hex), out _, out _, out _, out var consumed));
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void Parse_skips_padding_and_reports_the_offset_of_a_bad_object()
    {
        var objects = BerTlv.Parse(Hex.Parse("00 4F 01 AA FF 50 02 43 4B"));
        Assert.Equal([0x4Fu, 0x50u], objects.Select(o => o.Tag));
        var e = Assert.Throws<CardKitFormatException>(() => BerTlv.Parse(Hex.Parse("4F 01 AA 50 05 43")));
        Assert.Equal(3, e.Offset);
    }

    [Theory]
    [InlineData(0x4Fu, 1)]
    [InlineData(0x5F2Du, 127)]
    [InlineData(0x7F49u, 128)]
    [InlineData(0x53u, 300)]
    [InlineData(0x9F7Fu, 70000)]
    public void Encode_then_decode_round_trips(uint tag, int length)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var encoded = BerTlv.Encode(tag, value);
        Assert.Equal(BerTlv.EncodedLength(tag, length), encoded.Length);
        var decoded = Assert.Single(BerTlv.Parse(encoded));
        Assert.Equal(tag, decoded.Tag);
        Assert.Equal(value, decoded.Value.ToArray());
    }

    [Fact]
    public void Constructed_objects_nest()
    {
        var fcp = BerTlv.EncodeConstructed(0x62, BerTlv.Encode(0x82, [0x41, 0x21]), BerTlv.Encode(0x83, [0x2F, 0xE2]));
        Assert.Equal("62 08 82 02 41 21 83 02 2F E2", Hex.Format(fcp));
        var outer = Assert.Single(BerTlv.Parse(fcp));
        Assert.True(outer.IsConstructed);
        Assert.Equal("2F E2", Hex.Format(BerTlv.Find(outer.Value, 0x83)!.Value.Span));
        Assert.Null(BerTlv.Find(outer.Value, 0x84));
    }

    [Fact]
    public void Encoded_objects_parse_back_to_the_same_tag_and_value()
    {
        // Tags of one, two and three bytes (ISO/IEC 7816-4:2020 §6.2: 1F marks a multi-byte tag, b8 of later bytes "more").
        var tags = Gen.OneOf(Gen.Choose(0, 0x1E).Select(t => (uint)t | 0x40), Gen.Choose(0x1F, 0x7F).Select(t => 0x5F00u | (uint)t), Gen.Choose(0x80, 0xFF).Select(t => 0x7F0000u | ((uint)t << 8) | 0x21));
        var objects = tags.SelectMany(tag => Properties.Bytes(0, 300).Generator.Select(value => (Tag: tag, Value: value))).ToArbitrary();
        Properties.Check(objects, o =>
        {
            var encoded = BerTlv.Encode(o.Tag, o.Value);
            var parsed = Assert.Single(BerTlv.Parse(encoded));
            return parsed.Tag == o.Tag && parsed.Value.Span.SequenceEqual(o.Value) && encoded.Length == BerTlv.EncodedLength(o.Tag, o.Value.Length);
        }, runs: 2_000);
    }

    [Fact]
    public void Any_input_parses_into_objects_that_cover_it_or_is_rejected_as_malformed()
    {
        Properties.Check(Properties.Bytes(0, 40), bytes =>
        {
            List<BerTlvObject> objects;
            try
            {
                objects = BerTlv.Parse(bytes);
            }
            catch (CardKitFormatException e)
            {
                return e.Offset >= 0 && e.Offset <= bytes.Length;
            }
            // Every value lies inside the input and the objects re-encode to at most the input's length
            // (BER allows longer length fields and padding than the minimal encoding).
            return objects.Sum(o => BerTlv.EncodedLength(o.Tag, o.Value.Length)) <= bytes.Length;
        });
    }
}

public class CompactTlvTests
{
    [Fact]
    public void Historical_bytes_objects_split_by_nibbles()
    {
        // ISO/IEC 7816-4:2020 §12.1.1: 31 C0 = card service data, 73 .. = card capabilities.
        var objects = CompactTlv.Parse(Hex.Parse("31 C0 73 40 01 00"));
        Assert.Equal([(byte)3, (byte)7], objects.Select(o => o.Tag));
        Assert.Equal("40 01 00", Hex.Format(objects[1].Value.Span));
        Assert.Equal("73 40 01 00", Hex.Format(CompactTlv.Encode(7, Hex.Parse("40 01 00"))));
    }

    [Fact]
    public void A_length_past_the_end_is_reported_at_its_offset()
    {
        var e = Assert.Throws<CardKitFormatException>(() => CompactTlv.Parse(Hex.Parse("31 C0 75 40")));
        Assert.Equal(2, e.Offset);
    }
}
