using CardKit.Ccid;
using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Tests.Ccid;

public class PinStructurePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static Gen<byte> AnyByte => Gen.Choose(0, 255).Select(i => (byte)i);

    private static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(AnyByte, n));

    // A PIN template as hosts build it: CLA INS P1 P2, a short Lc and that many data bytes, sometimes Le.
    private static Gen<byte[]> ShortTemplate =>
        from header in Gen.ArrayOf(AnyByte, 4)
        from data in Bytes(1, 40)
        from le in Gen.Elements(Array.Empty<byte>(), [0x00])
        select (byte[])[.. header, (byte)data.Length, .. data, .. le];

    private static Gen<PinVerifyStructure> Verifies =>
        from head in Gen.ArrayOf(AnyByte, 12)
        from template in Gen.OneOf(ShortTemplate, Bytes(4, 60))
        select new PinVerifyStructure
        {
            TimeOut = head[0],
            TimeOut2 = head[1],
            Format = new PinBlockFormat(head[2], head[3], head[4]),
            MinPinLength = head[5],
            MaxPinLength = head[6],
            EntryConditions = (PinEntryConditions)head[7],
            NumberMessage = head[8],
            LangId = (ushort)(head[9] | (head[10] << 8)),
            MessageIndex = head[11],
            TeoPrologue = head.AsMemory(0, 3),
            ApduTemplate = template,
        };

    // The driver's bMsgIndex count for bNumberMessage, and a template whose short Lc matches its data:
    // the layout the parser must find.
    private static Gen<PinModifyStructure> Modifies =>
        from head in Gen.ArrayOf(AnyByte, 18)
        from template in ShortTemplate
        let indexes = PinModifyStructure.CcidMessageIndexCount(head[11])
        select new PinModifyStructure
        {
            TimeOut = head[0],
            TimeOut2 = head[1],
            Format = new PinBlockFormat(head[2], head[3], head[4]),
            InsertionOffsetOld = head[5],
            InsertionOffsetNew = head[6],
            MinPinLength = head[7],
            MaxPinLength = head[8],
            Confirmation = (PinConfirmation)head[9],
            EntryConditions = (PinEntryConditions)head[10],
            NumberMessage = head[11],
            LangId = (ushort)(head[12] | (head[13] << 8)),
            MessageIndex1 = head[14],
            MessageIndex2 = indexes >= 2 ? head[15] : null,
            MessageIndex3 = indexes == 3 ? head[16] : null,
            TeoPrologue = head.AsMemory(15, 3),
            ApduTemplate = template,
        };

    [Fact]
    public void A_verify_structure_survives_both_layouts()
    {
        Check.One(Runs, Prop.ForAll(Verifies.ToArbitrary(), verify =>
        {
            var part10 = verify.EncodePart10();
            var ccid = verify.EncodeCcid();
            var fromPart10 = PinVerifyStructure.ParsePart10(part10);
            var fromCcid = PinVerifyStructure.ParseCcid(ccid);
            return part10.SequenceEqual(fromPart10.EncodePart10())
                && ccid.SequenceEqual(fromCcid.EncodeCcid())
                && fromCcid.TimeOut2 is null
                && fromPart10.TimeOut2 == verify.TimeOut2
                && fromCcid.ApduTemplate.Span.SequenceEqual(verify.ApduTemplate.Span)
                && part10.Length == ccid.Length + 5;
        }));
    }

    [Fact]
    public void A_modify_structure_survives_both_layouts_with_the_message_indexes_it_had()
    {
        Check.One(Runs, Prop.ForAll(Modifies.ToArbitrary(), modify =>
        {
            var ccid = modify.EncodeCcid();
            var fromCcid = PinModifyStructure.ParseCcid(ccid);
            var part10 = modify.EncodePart10();
            var fromPart10 = PinModifyStructure.ParsePart10(part10);
            return ccid.SequenceEqual(fromCcid.EncodeCcid())
                && fromCcid.MessageIndex2 == modify.MessageIndex2
                && fromCcid.MessageIndex3 == modify.MessageIndex3
                && fromCcid.ApduTemplate.Span.SequenceEqual(modify.ApduTemplate.Span)
                && part10.SequenceEqual(fromPart10.EncodePart10())
                && fromPart10.MessageIndex3 == (modify.MessageIndex3 ?? 0);
        }));
    }

    [Fact]
    public void Secure_data_that_decodes_encodes_back_to_the_same_bytes_and_anything_else_is_a_format_error()
    {
        // Any abData: decoding either fails with the one format exception, at an offset inside or just past
        // the input, or gives a command that encodes to exactly the input.
        var inputs = from op in Gen.Choose(0, 7)
                     from rest in Bytes(0, 48)
                     select (byte[])[(byte)op, .. rest];
        Check.One(Runs, Prop.ForAll(inputs.ToArbitrary(), abData =>
        {
            try
            {
                return SecurePinCommand.Parse(abData).Encode().SequenceEqual(abData);
            }
            catch (CardKitFormatException e)
            {
                return e.Offset >= 0 && e.Offset <= abData.Length && !SecurePinCommand.TryParse(abData, out _);
            }
        }));
    }

    [Fact]
    public void Part10_structures_that_decode_encode_back_to_the_same_bytes()
    {
        Check.One(Runs, Prop.ForAll(Bytes(0, 64).ToArbitrary(), bytes =>
        {
            // Make ulDataLength right half of the time so the decoders get past it.
            if (bytes.Length >= 24 && bytes[0] % 2 == 0)
            {
                bytes[15] = (byte)(bytes.Length - 19);
                bytes[16] = bytes[17] = bytes[18] = 0;
            }
            var verifyOk = Roundtrips(bytes, PinVerifyStructure.TryParsePart10, v => v.EncodePart10(), b => PinVerifyStructure.ParsePart10(b));
            var modifyOk = Roundtrips(bytes, PinModifyStructure.TryParsePart10, m => m.EncodePart10(), b => PinModifyStructure.ParsePart10(b));
            return verifyOk && modifyOk;
        }));
    }

    [Fact]
    public void Feature_lists_and_properties_survive_encoding()
    {
        var features = from tags in Gen.SubListOf(Enum.GetValues<Part10Feature>())
                       from codes in Gen.ArrayOf(Gen.Choose(int.MinValue, int.MaxValue), tags.Count)
                       from shuffled in Gen.Shuffle(tags.ToArray())
                       select new Part10FeatureList(shuffled.Select((t, i) => new KeyValuePair<Part10Feature, uint>(t, (uint)codes[i])));
        Check.One(Runs, Prop.ForAll(features.ToArbitrary(), list =>
        {
            var decoded = Part10FeatureList.Parse(list.Encode());
            return decoded.Features.SequenceEqual(list.Features);
        }));

        var properties = from b in Gen.ArrayOf(AnyByte, 24)
                         from present in Gen.ArrayOf(Gen.Elements(true, false), 12)
                         from firmware in Bytes(0, 30)
                         select new Part10Properties
                         {
                             LcdLayout = present[0] ? (ushort)(b[0] | (b[1] << 8)) : null,
                             EntryValidationCondition = present[1] ? (PinEntryConditions)b[2] : null,
                             TimeOut2 = present[2] ? b[3] : null,
                             LcdMaxCharacters = present[3] ? (ushort)(b[4] | (b[5] << 8)) : null,
                             LcdMaxLines = present[4] ? (ushort)(b[6] | (b[7] << 8)) : null,
                             MinPinSize = present[5] ? b[8] : null,
                             MaxPinSize = present[6] ? b[9] : null,
                             FirmwareId = present[7] ? System.Text.Encoding.Latin1.GetString(firmware) : null,
                             PpduSupport = present[8] ? b[10] : null,
                             MaxApduDataSize = present[9] ? BitConverter.ToUInt32(b, 11) : null,
                             VendorId = present[10] ? (ushort)(b[15] | (b[16] << 8)) : null,
                             ProductId = present[11] ? (ushort)(b[17] | (b[18] << 8)) : null,
                             OtherProperties = b[19] > 0x0C ? new Dictionary<byte, byte[]> { [b[19]] = b[20..] } : new Dictionary<byte, byte[]>(),
                         };
        Check.One(Runs, Prop.ForAll(properties.ToArbitrary(), p =>
        {
            var encoded = p.Encode();
            var decoded = Part10Properties.Parse(encoded);
            return encoded.SequenceEqual(decoded.Encode())
                && decoded.FirmwareId == p.FirmwareId
                && decoded.MaxApduDataSize == p.MaxApduDataSize
                && decoded.ProductId == p.ProductId
                && decoded.OtherProperties.Count == p.OtherProperties.Count;
        }));
    }

    [Fact]
    public void Random_tlv_input_is_decoded_or_refused_with_an_offset_inside_it()
    {
        Check.One(Runs, Prop.ForAll(Bytes(0, 40).ToArbitrary(), bytes =>
        {
            var features = Part10FeatureList.TryParse(bytes, out var list)
                ? list!.Encode().SequenceEqual(bytes)
                : Refused(() => Part10FeatureList.Parse(bytes), bytes.Length);
            var properties = Part10Properties.TryParse(bytes, out var props)
                ? Part10Properties.Parse(props!.Encode()).Encode().SequenceEqual(props.Encode())
                : Refused(() => Part10Properties.Parse(bytes), bytes.Length);
            return features && properties;
        }));
    }

    private delegate bool TryParser<T>(ReadOnlySpan<byte> source, out T? result);

    private static bool Roundtrips<T>(byte[] bytes, TryParser<T> tryParse, Func<T, byte[]> encode, Func<byte[], T> parse)
        where T : class =>
        tryParse(bytes, out var result)
            ? encode(result!).SequenceEqual(bytes)
            : Refused(() => parse(bytes), bytes.Length);

    private static bool Refused(Action parse, int length)
    {
        try
        {
            parse();
            return false;
        }
        catch (CardKitFormatException e)
        {
            return e.Offset >= 0 && e.Offset <= length;
        }
    }
}
