using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Tests.Ccid;

public class PinStructureTests
{
    // libccid examples/scardcontrol.c, "Secure verify PIN": PIN_VERIFY_STRUCTURE with bTimerOut 0, bTimerOut2 0,
    // bmFormatString 82, bmPINBlockString 04, bmPINLengthFormat 00, wPINMaxExtraDigit 0x0408 (min 4, max 8),
    // bEntryValidationCondition 02, bNumberMessage 01, wLangId 0x0904 (as that file sets it), bMsgIndex 0.
    private const string ScardcontrolVerifyApdu = "00 20 00 00 08 30 30 30 30 00 00 00 00";
    private const string ScardcontrolVerifyPart10 =
        "00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 0D 00 00 00 " + ScardcontrolVerifyApdu;

    // The same, "Secure modify PIN": bInsertionOffsetOld 0, bInsertionOffsetNew 4, bConfirmPIN 03,
    // bNumberMessage 03, bMsgIndex1..3 = 00 01 02.
    private const string ScardcontrolModifyApdu = "00 24 00 00 08 30 30 30 30 30 30 30 30";
    private const string ScardcontrolModifyPart10 =
        "00 00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 0D 00 00 00 " + ScardcontrolModifyApdu;

    private static PinVerifyStructure ScardcontrolVerify() => new()
    {
        TimeOut = 0,
        TimeOut2 = 0,
        Format = new PinBlockFormat(0x82, 0x04, 0x00),
        MinPinLength = 4,
        MaxPinLength = 8,
        EntryConditions = PinEntryConditions.ValidationKey,
        NumberMessage = 0x01,
        LangId = 0x0904,
        MessageIndex = 0,
        ApduTemplate = Hex.Parse(ScardcontrolVerifyApdu),
    };

    private static PinModifyStructure ScardcontrolModify() => new()
    {
        TimeOut = 0,
        TimeOut2 = 0,
        Format = new PinBlockFormat(0x82, 0x04, 0x00),
        InsertionOffsetOld = 0,
        InsertionOffsetNew = 4,
        MinPinLength = 4,
        MaxPinLength = 8,
        Confirmation = PinConfirmation.ConfirmNewPin | PinConfirmation.EnterCurrentPin,
        EntryConditions = PinEntryConditions.ValidationKey,
        NumberMessage = 0x03,
        LangId = 0x0904,
        MessageIndex1 = 0,
        MessageIndex2 = 1,
        MessageIndex3 = 2,
        ApduTemplate = Hex.Parse(ScardcontrolModifyApdu),
    };

    [Fact]
    public void The_scardcontrol_verify_structure_encodes_byte_for_byte_with_a_19_byte_header()
    {
        var encoded = ScardcontrolVerify().EncodePart10();
        Assert.Equal(ScardcontrolVerifyPart10, Hex.Format(encoded));
        Assert.Equal(19, PinVerifyStructure.Part10HeaderLength);
        Assert.Equal(13, encoded[15]); // ulDataLength
        Assert.Equal(ScardcontrolVerifyApdu, Hex.Format(encoded.AsSpan(19)));
    }

    [Fact]
    public void The_scardcontrol_verify_structure_decodes_field_by_field()
    {
        var verify = PinVerifyStructure.ParsePart10(Hex.Parse(ScardcontrolVerifyPart10));
        Assert.Equal((byte)0, verify.TimeOut);
        Assert.Equal((byte)0, verify.TimeOut2);
        Assert.Equal(new PinBlockFormat(0x82, 0x04, 0x00), verify.Format);
        Assert.Equal((4, 8), (verify.MinPinLength, verify.MaxPinLength));
        Assert.Equal(PinEntryConditions.ValidationKey, verify.EntryConditions);
        Assert.Equal((byte)1, verify.NumberMessage);
        Assert.Equal((ushort)0x0904, verify.LangId);
        Assert.Equal((byte)0, verify.MessageIndex);
        Assert.Equal("00 00 00", Hex.Format(verify.TeoPrologue.Span));
        var apdu = CommandApdu.Parse(verify.ApduTemplate.Span);
        Assert.Equal((0x20, 8), (apdu.Ins, apdu.Data.Length));
    }

    [Fact]
    public void The_scardcontrol_verify_becomes_the_ccid_secure_message_of_the_facts_example()
    {
        // CCID Rev 1.1 §6.1.11: PC_to_RDR_Secure 69, dwLength 1C = bPINOperation + 14-byte structure + 13-byte APDU.
        var verify = PinVerifyStructure.ParsePart10(Hex.Parse(ScardcontrolVerifyPart10));
        var abData = new SecurePinCommand { Operation = PinOperation.Verify, Verify = verify }.Encode();
        Assert.Equal(0x1C, abData.Length);
        Assert.Equal("00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 " + ScardcontrolVerifyApdu, Hex.Format(abData));

        var decoded = SecurePinCommand.Parse(abData);
        Assert.Equal(PinOperation.Verify, decoded.Operation);
        Assert.Null(decoded.Verify!.TimeOut2);
        Assert.Equal(verify.EncodeCcid(), decoded.Verify.EncodeCcid());
    }

    [Fact]
    public void The_scardcontrol_modify_structure_encodes_byte_for_byte_with_a_24_byte_header()
    {
        var encoded = ScardcontrolModify().EncodePart10();
        Assert.Equal(ScardcontrolModifyPart10, Hex.Format(encoded));
        Assert.Equal(24, PinModifyStructure.Part10HeaderLength);
        Assert.Equal(ScardcontrolModifyApdu, Hex.Format(encoded.AsSpan(24)));

        var modify = PinModifyStructure.ParsePart10(encoded);
        Assert.Equal((0, 4), (modify.InsertionOffsetOld, modify.InsertionOffsetNew));
        Assert.Equal(PinConfirmation.ConfirmNewPin | PinConfirmation.EnterCurrentPin, modify.Confirmation);
        Assert.Equal((byte)3, modify.NumberMessage);
        Assert.Equal(((byte)0, (byte?)1, (byte?)2), (modify.MessageIndex1, modify.MessageIndex2, modify.MessageIndex3));
    }

    [Fact]
    public void The_scardcontrol_modify_becomes_a_ccid_structure_with_three_message_indexes()
    {
        var ccid = ScardcontrolModify().EncodeCcid();
        Assert.Equal("00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 " + ScardcontrolModifyApdu, Hex.Format(ccid));
        var abData = Hex.Parse("01 " + Hex.Format(ccid));
        var decoded = SecurePinCommand.Parse(abData);
        Assert.Equal(3, decoded.Modify!.CcidMessageIndexes);
        Assert.Equal(abData, decoded.Encode());
    }

    [Theory]
    // bNumberMessage, bMsgIndex fields actually sent: libccid's count, one per message, always three.
    [InlineData(0x00, 1)]
    [InlineData(0x00, 3)]
    [InlineData(0x01, 1)]
    [InlineData(0x01, 2)]
    [InlineData(0x02, 2)]
    [InlineData(0x02, 3)]
    [InlineData(0x03, 3)]
    [InlineData(0xFF, 3)]
    public void A_ccid_modify_structure_is_read_with_the_message_indexes_that_leave_a_consistent_apdu(
        byte numberMessage, int indexes)
    {
        var modify = new PinModifyStructure
        {
            Format = new PinBlockFormat(0x82, 0x04, 0x00),
            InsertionOffsetNew = 4,
            NumberMessage = numberMessage,
            MessageIndex1 = 0x11,
            MessageIndex2 = indexes >= 2 ? 0x22 : null,
            MessageIndex3 = indexes == 3 ? 0x33 : null,
            ApduTemplate = Hex.Parse(ScardcontrolModifyApdu),
        };
        var encoded = modify.EncodeCcid();
        Assert.Equal(16 + indexes + Hex.Parse(ScardcontrolModifyApdu).Length, encoded.Length);

        var decoded = PinModifyStructure.ParseCcid(encoded);
        Assert.Equal(indexes, decoded.CcidMessageIndexes);
        Assert.Equal(modify.MessageIndex2, decoded.MessageIndex2);
        Assert.Equal(modify.MessageIndex3, decoded.MessageIndex3);
        Assert.Equal(ScardcontrolModifyApdu, Hex.Format(decoded.ApduTemplate.Span));
    }

    [Theory]
    [InlineData(0x00, 1)]
    [InlineData(0x01, 2)]
    [InlineData(0x02, 2)]
    [InlineData(0x03, 3)]
    [InlineData(0xFF, 3)]
    public void The_driver_message_index_count_follows_bNumberMessage(byte numberMessage, int expected) =>
        Assert.Equal(expected, PinModifyStructure.CcidMessageIndexCount(numberMessage));

    [Fact]
    public void A_header_only_template_falls_back_to_the_driver_count()
    {
        // Both the 2-index reading (template 00 20 00 00) and the 1-index one (00 00 20 00 00, a case 2
        // APDU) are consistent; bNumberMessage 1 gives libccid's 2.
        var encoded = new PinModifyStructure
        {
            NumberMessage = 1,
            MessageIndex2 = 5,
            ApduTemplate = Hex.Parse("00 24 00 00"),
        }.EncodeCcid();
        var decoded = PinModifyStructure.ParseCcid(encoded);
        Assert.Equal(2, decoded.CcidMessageIndexes);
        Assert.Equal("00 24 00 00", Hex.Format(decoded.ApduTemplate.Span));
    }

    [Fact]
    public void The_pin_block_format_reads_its_bit_fields()
    {
        // 0x82: bytes, position 0, left, ASCII; 0x04: no length field, 4-byte block (libccid scardcontrol.c).
        var format = new PinBlockFormat(0x82, 0x04, 0x00);
        Assert.True(format.PinPositionInBytes);
        Assert.Equal(0, format.PinPosition);
        Assert.Equal(PinJustification.Left, format.Justification);
        Assert.Equal(PinEncoding.Ascii, format.Encoding);
        Assert.Equal(4, format.PinBlockSize);
        Assert.Equal(0, format.PinLengthSizeBits);
        Assert.Equal(format, PinBlockFormat.Create(PinEncoding.Ascii, PinJustification.Left, 0, true, 4));

        // ISO 9564-1 format 2: BCD, left justified, PIN from bit 8, a 4-bit length at bit 4, an 8-byte block.
        var format2 = PinBlockFormat.Create(PinEncoding.Bcd, PinJustification.Left, 8, false, 8, 4, 4, false);
        Assert.Equal(new PinBlockFormat(0x41, 0x48, 0x04), format2);
        Assert.Equal((8, 4, 4), (format2.PinBitOffset, format2.PinLengthBitOffset, format2.PinLengthSizeBits));
        Assert.Throws<ArgumentOutOfRangeException>(() => PinBlockFormat.Create(PinEncoding.Bcd, PinJustification.Left, 16, false, 8));
    }

    [Fact]
    public void The_other_pin_operations_keep_their_bytes()
    {
        var abData = Hex.Parse("04");
        var cancel = SecurePinCommand.Parse(abData);
        Assert.Equal(PinOperation.Cancel, cancel.Operation);
        Assert.Null(cancel.Verify);
        Assert.True(cancel.Data.IsEmpty);

        var next = SecurePinCommand.Parse(Hex.Parse("06 00 A4 04 00"));
        Assert.Equal(PinOperation.SendNextPart, next.Operation);
        Assert.Equal("00 A4 04 00", Hex.Format(next.Data.Span));
        Assert.Equal("06 00 A4 04 00", Hex.Format(next.Encode()));
    }

    public static TheoryData<int> VerifyCcidCuts => [.. Enumerable.Range(0, 14)];

    [Theory]
    [MemberData(nameof(VerifyCcidCuts))]
    public void A_truncated_ccid_verify_structure_is_refused_at_its_end(int length)
    {
        var bytes = ScardcontrolVerify().EncodeCcid().AsSpan(0, length).ToArray();
        var e = Assert.Throws<CardKitFormatException>(() => PinVerifyStructure.ParseCcid(bytes));
        Assert.Equal(length, e.Offset);
        Assert.False(PinVerifyStructure.TryParseCcid(bytes, out var result));
        Assert.Null(result);
    }

    [Theory]
    [InlineData(0, "bTimerOut")]
    [InlineData(1, "bTimerOut2")]
    [InlineData(6, "wPINMaxExtraDigit")]
    [InlineData(16, "ulDataLength")]
    public void A_truncated_part10_verify_structure_names_the_missing_field(int length, string field)
    {
        var bytes = Hex.Parse(ScardcontrolVerifyPart10).AsSpan(0, length).ToArray();
        var e = Assert.Throws<CardKitFormatException>(() => PinVerifyStructure.ParsePart10(bytes));
        Assert.Equal(length, e.Offset);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-13)]
    public void A_part10_structure_whose_ulDataLength_disagrees_is_refused_at_ulDataLength(int delta)
    {
        var verify = Hex.Parse(ScardcontrolVerifyPart10);
        verify[15] = (byte)(13 + delta);
        Assert.Equal(15, Assert.Throws<CardKitFormatException>(() => PinVerifyStructure.ParsePart10(verify)).Offset);

        var modify = Hex.Parse(ScardcontrolModifyPart10);
        modify[20] = (byte)(13 + delta);
        Assert.Equal(20, Assert.Throws<CardKitFormatException>(() => PinModifyStructure.ParsePart10(modify)).Offset);
    }

    [Fact]
    public void A_template_shorter_than_the_apdu_header_is_refused()
    {
        var verify = Hex.Parse("00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 03 00 00 00 00 20 00");
        var e = Assert.Throws<CardKitFormatException>(() => PinVerifyStructure.ParsePart10(verify));
        Assert.Equal(22, e.Offset);
        Assert.Throws<ArgumentException>(() => new PinVerifyStructure { TeoPrologue = new byte[2] });
    }

    [Fact]
    public void Errors_inside_a_secure_message_count_from_bPINOperation()
    {
        Assert.Equal(0, Assert.Throws<CardKitFormatException>(() => SecurePinCommand.Parse([])).Offset);
        var truncatedVerify = Hex.Parse("00 00 82 04 00 08");
        Assert.Equal(6, Assert.Throws<CardKitFormatException>(() => SecurePinCommand.Parse(truncatedVerify)).Offset);
        var truncatedModify = Hex.Parse("01 00 82 04 00 00 04 08 04 03 02 03 04 09 00 01 02 00 00 00 00 24");
        Assert.Equal(22, Assert.Throws<CardKitFormatException>(() => SecurePinCommand.Parse(truncatedModify)).Offset);
    }

    [Fact]
    public void Decoding_copies_the_input()
    {
        var bytes = Hex.Parse(ScardcontrolVerifyPart10);
        var verify = PinVerifyStructure.ParsePart10(bytes);
        bytes.AsSpan().Clear();
        Assert.Equal(ScardcontrolVerifyApdu, Hex.Format(verify.ApduTemplate.Span));
    }
}
