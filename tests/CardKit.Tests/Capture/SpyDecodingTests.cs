using CardKit.Capture;
using CardKit.Testing.Captures;

namespace CardKit.Tests.Capture;

public class SpyDecodingTests
{
    internal static List<SpyMessage> DecodeStandard(CaptureContainer container = CaptureContainer.PcapNg, int linkType = 220, bool bigEndian = false, SpyOptions? options = null)
    {
        using var stream = new MemoryStream();
        CcidTestCaptures.Standard(stream, container, linkType, bigEndian);
        stream.Position = 0;
        return [.. CcidSpy.Decode(stream, options)];
    }

    private static readonly List<SpyMessage> Standard = DecodeStandard();

    private static IEnumerable<SpyMessage> Device(string name) => Standard.Where(m => m.Device == name);

    [Fact]
    public void The_interface_comes_from_the_configuration_descriptor_or_from_heuristics()
    {
        var interfaces = Standard.Where(m => m.Message == "CCID interface").ToList();
        Assert.Equal(["1.5", "1.7", "2.3"], interfaces.Select(m => m.Device));
        Assert.Equal(["descriptor", "descriptor", "heuristic"], interfaces.Select(m => m.Interface!.Source));
        Assert.Equal(["extended APDU", "TPDU", "unknown"], interfaces.Select(m => m.Interface!.ExchangeLevel));
        Assert.Equal(3, interfaces[0].Interface!.PinSupport);
        Assert.Equal(1, interfaces[0].Interface!.MaxSlotIndex);
    }

    [Fact]
    public void Every_CCID_message_type_is_named()
    {
        var names = Standard.Where(m => m.Type != 0).Select(m => m.Message).ToHashSet();
        string[] expected =
        [
            "PC_to_RDR_IccPowerOn", "PC_to_RDR_IccPowerOff", "PC_to_RDR_GetSlotStatus", "PC_to_RDR_XfrBlock", "PC_to_RDR_GetParameters",
            "PC_to_RDR_ResetParameters", "PC_to_RDR_SetParameters", "PC_to_RDR_Escape", "PC_to_RDR_IccClock", "PC_to_RDR_T0APDU",
            "PC_to_RDR_Secure", "PC_to_RDR_Mechanical", "PC_to_RDR_Abort", "PC_to_RDR_SetDataRateAndClockFrequency",
            "RDR_to_PC_DataBlock", "RDR_to_PC_SlotStatus", "RDR_to_PC_Parameters", "RDR_to_PC_Escape", "RDR_to_PC_DataRateAndClockFrequency",
            "RDR_to_PC_NotifySlotChange", "RDR_to_PC_HardwareError",
        ];
        Assert.Empty(expected.Except(names));
    }

    [Fact]
    public void Responses_are_paired_with_their_request_by_slot_and_sequence()
    {
        foreach (var response in Standard.Where(m => m.Direction == "in" && m.Request != 0))
        {
            var request = Standard.Single(m => m.Frame == response.Request && m.Direction == "out");
            Assert.Equal(request.Device, response.Device);
            Assert.Equal(request.Slot, response.Slot);
            Assert.Equal(request.Seq, response.Seq);
            Assert.True(response.ElapsedMs > 0);
        }
    }

    [Fact]
    public void The_power_on_answer_is_an_ATR_and_no_other_DataBlock_is()
    {
        var atrs = Device("1.5").Where(m => m.Atr is not null).ToList();
        Assert.Equal(2, atrs.Count);
        Assert.Equal("3B9F95801FC38031E073FE211363554018830790" + "00C2", atrs[0].Atr!.Hex);
        Assert.Contains(15, atrs[0].Atr!.Protocols);
        Assert.Equal(1, atrs[1].Slot);
        Assert.All(Standard.Where(m => m.Atr is not null), m => Assert.Equal("PC_to_RDR_IccPowerOn", m.RequestMessage!.Message));
        // 62 18 ... starts like nothing an ATR decoder should grab; a response starting 3B is still a response.
        Assert.DoesNotContain(Standard, m => m.Atr is not null && m.Response is not null);
    }

    [Fact]
    public void GET_RESPONSE_and_the_corrected_Le_are_linked_to_the_61xx_and_6Cxx_they_follow()
    {
        var a = Device("1.5").ToList();
        var getResponse = a.Single(m => m.Apdu is { Ins: 0xC0 });
        var select = a.Single(m => m.Response?.Sw == "611A");
        Assert.Equal(select.Frame, getResponse.Apdu!.Continues);
        var resent = a.Single(m => m.Apdu?.Hex == "00B000000A");
        Assert.Equal(a.Single(m => m.Response?.Sw == "6C0A").Frame, resent.Apdu!.Continues);
        Assert.Contains("3GPP USIM", a.Single(m => m.Apdu?.Ins == 0xA4).Apdu!.P1p2, StringComparison.Ordinal);
    }

    [Fact]
    public void Extended_APDUs_chained_over_several_CCID_messages_are_reassembled()
    {
        var a = Device("1.5").ToList();
        var update = a.Single(m => m.Apdu is { Ins: 0xD6 });
        Assert.True(update.Apdu!.Extended);
        Assert.Equal(300, update.Apdu.Lc);
        Assert.Equal(3, update.Apdu.Case);
        Assert.Equal("command APDU continues and ends here", update.Detail);
        var read = a.Single(m => m.Apdu is { Ins: 0xB0, Extended: true });
        Assert.Equal(512, read.Apdu!.Le);
        var answer = a.Single(m => m.Response is not null && m.ResponseBytes!.Length == 514);
        Assert.Equal("9000", answer.Response!.Sw);
        Assert.Equal("response continues and ends here", answer.Detail);
        Assert.Equal(read.CommandBytes, answer.AnsweredCommand);
    }

    [Fact]
    public void PINs_in_clear_are_masked_unless_asked_for()
    {
        var verify = Standard.Where(m => m.Apdu is { Ins: 0x20 }).ToList();
        Assert.Equal(2, verify.Count);
        Assert.Equal("0020000108****************", verify[0].Apdu!.Hex);
        Assert.Equal("0020008106************", verify[1].Apdu!.Hex);
        Assert.DoesNotContain(Standard, m => m.T1?.Inf.Contains("313233", StringComparison.Ordinal) == true);
        var shown = DecodeStandard(options: new SpyOptions { ShowSecrets = true }).Where(m => m.Apdu is { Ins: 0x20 }).ToList();
        Assert.Equal("002000010831323334FFFFFFFF", shown[0].Apdu!.Hex);
    }

    [Fact]
    public void A_failed_command_and_a_muted_card_are_explained()
    {
        var wrongPin = Standard.First(m => m.Response?.Sw == "63C2");
        Assert.Contains("2", wrongPin.Response!.Meaning, StringComparison.Ordinal);
        var mute = Standard.Single(m => m.Error?.Code == 0xFE);
        Assert.Equal("ICC_MUTE", mute.Error!.Name);
        Assert.Equal("failed", mute.Status!.Command);
        var unsupported = Standard.Single(m => m.RequestMessage?.Message == "PC_to_RDR_Mechanical");
        Assert.Equal("command not supported", unsupported.Error!.Meaning);
    }

    [Fact]
    public void A_time_extension_is_not_the_answer()
    {
        var a = Device("1.5").ToList();
        var extension = a.Single(m => m.Status?.Command == "time extension requested");
        Assert.Equal("time extension requested, multiplier 1", extension.Detail);
        var answer = a.Single(m => m.Response?.Hex == "010203049000");
        Assert.Equal(extension.Request, answer.Request);
        Assert.Null(answer.Note);
    }

    [Fact]
    public void Slot_changes_name_every_slot()
    {
        var changes = Device("1.5").Where(m => m.Message == "RDR_to_PC_NotifySlotChange").ToList();
        Assert.Equal(3, changes.Count);
        Assert.Equal([new SpySlotChange(0, true, true), new SpySlotChange(1, false, false)], changes[0].Slots);
        Assert.Equal([new SpySlotChange(0, true, false), new SpySlotChange(1, true, true)], changes[1].Slots);
        Assert.Equal("slot 1 card removed", changes[2].Detail);
        Assert.Equal("overcurrent", Device("1.5").Single(m => m.Message == "RDR_to_PC_HardwareError").Detail);
    }

    [Fact]
    public void Unexpected_responses_and_unanswered_requests_are_reported()
    {
        Assert.Contains("unexpected response", Standard.Single(m => m.Seq == 0xEE).Note, StringComparison.Ordinal);
        var unanswered = Standard.Single(m => m.Message == "unanswered request");
        Assert.Equal("PC_to_RDR_GetSlotStatus: no response in the capture", unanswered.Note);
        Assert.Equal(Standard.Max(m => m.Frame), unanswered.Frame);
    }

    [Fact]
    public void Parameters_and_other_messages_are_decoded()
    {
        var set = Device("1.5").Single(m => m.Message == "PC_to_RDR_SetParameters");
        Assert.Equal(1, set.Parameters!.Protocol);
        Assert.Equal((byte)0xFE, set.Parameters.Ifsc);
        Assert.Equal("T=0", Device("1.5").First(m => m.Message == "RDR_to_PC_Parameters").Parameters!.ToString()[..3]);
        Assert.Equal("clock 4000 kHz, data rate 9600 bps", Device("1.5").Single(m => m.Message == "PC_to_RDR_SetDataRateAndClockFrequency").Detail);
        Assert.Equal("eject card", Device("1.5").Single(m => m.Message == "PC_to_RDR_Mechanical").Detail);
        Assert.Equal("010203", Device("1.5").Single(m => m.Message == "PC_to_RDR_Escape").Data);
        Assert.Equal("clock stopped in state L", Device("1.5").First(m => m.RequestMessage?.Message == "PC_to_RDR_IccClock").Detail);
        Assert.StartsWith("PIN verification", Device("1.5").First(m => m.Message == "PC_to_RDR_Secure").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void T1_blocks_are_decoded_and_chains_reassembled()
    {
        var b = Device("1.7").ToList();
        Assert.Equal("S(IFS request) FE", b.First(m => m.T1?.Block == "S").T1!.Text);
        var select = b.Single(m => m.Apdu is { Ins: 0xA4 });
        Assert.Equal("00A4040006D2760001240100", select.Apdu!.Hex);
        Assert.Contains("OpenPGP", select.Apdu.P1p2, StringComparison.Ordinal);
        Assert.Equal("I(1)", select.T1!.Text);
        Assert.Contains(b, m => m.T1?.Function == "WTX request" && m.T1.Inf == "02");
        var response = b.Single(m => m.Response?.Hex == "6F108406D27600012401A504010203049000");
        Assert.Equal(select.CommandBytes, response.AnsweredCommand);
    }

    [Fact]
    public void A_bad_EDC_is_flagged_and_the_retransmission_counts_once()
    {
        var b = Device("1.7").ToList();
        var bad = b.Single(m => m.T1 is { EdcOk: false });
        Assert.Null(bad.Apdu);
        Assert.Contains("EDC mismatch", bad.Note, StringComparison.Ordinal);
        Assert.Equal("R(0) EDC/parity error", b.Single(m => m.T1?.Text == "R(0) EDC/parity error").T1!.Text);
        Assert.Single(b, m => m.Apdu is { Ins: 0xCA });
        Assert.Equal("6E01009000", b.Single(m => m.AnsweredCommand is [0x00, 0xCA, ..]).Response!.Hex);
    }

    [Fact]
    public void GSM_class_status_words_use_the_GSM_table()
    {
        var c = Device("2.3").ToList();
        Assert.Equal("9F1A", c.Single(m => m.AnsweredCommand is [0xA0, 0xA4, ..]).Response!.Sw);
        Assert.Contains("GET RESPONSE with class A0", c.Single(m => m.AnsweredCommand is [0xA0, 0xA4, ..]).Response!.Meaning, StringComparison.Ordinal);
        Assert.Equal(c.Single(m => m.Response?.Sw == "9F1A").Frame, c.Single(m => m.Apdu?.Ins == 0xC0).Apdu!.Continues);
        Assert.Contains("out of range", c.Single(m => m.Response?.Sw == "9402").Response!.Meaning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaptureContainer.PcapMicroseconds, 220, false)]
    [InlineData(CaptureContainer.PcapNanoseconds, 220, true)]
    [InlineData(CaptureContainer.PcapMicroseconds, 189, true)]
    [InlineData(CaptureContainer.PcapNg, 189, true)]
    public void Classic_pcap_both_byte_orders_and_both_usbmon_headers_decode_the_same(CaptureContainer container, int linkType, bool bigEndian)
    {
        var other = DecodeStandard(container, linkType, bigEndian).Where(m => m.Device != "2.3").ToList();
        var reference = Standard.Where(m => m.Device != "2.3").ToList();
        Assert.Equal(reference.Count, other.Count);
        for (var i = 0; i < reference.Count; i++)
        {
            Assert.Equal(reference[i].Message, other[i].Message);
            Assert.Equal(reference[i].Time, other[i].Time);
            Assert.Equal(reference[i].Apdu?.Hex, other[i].Apdu?.Hex);
            Assert.Equal(reference[i].Response?.Hex, other[i].Response?.Hex);
        }
    }

    [Fact]
    public void The_device_option_keeps_one_device()
    {
        var only = DecodeStandard(options: new SpyOptions { Device = "1.7" });
        Assert.NotEmpty(only);
        Assert.All(only, m => Assert.Equal("1.7", m.Device));
    }

    [Fact]
    public void Secure_verify_and_modify_structures_are_decoded_with_their_APDU_template()
    {
        var secure = Device("1.5").Where(m => m.Message == "PC_to_RDR_Secure").ToList();
        var verify = secure[0].Secure!;
        Assert.Null(verify.Error);
        Assert.Equal("verify", verify.Operation);
        Assert.Equal(0x82, verify.FormatString);
        Assert.Equal(4, verify.MinPinLength);
        Assert.Equal(8, verify.MaxPinLength);
        Assert.Equal("validation key pressed", verify.EntryValidation);
        Assert.Equal("0904", verify.LangId);
        Assert.Equal("00200000083030303000000000", verify.Template!.Hex);
        Assert.Equal("VERIFY", verify.Template.Name);
        var modify = secure[1].Secure!;
        Assert.Null(modify.Error);
        Assert.Equal("modify", modify.Operation);
        Assert.Equal(4, modify.InsertionOffsetNew);
        Assert.Equal([0, 1, 2], modify.MessageIndexes);
        Assert.Equal("new PIN confirmed, current PIN entered", modify.ConfirmPin);
        Assert.Equal("CHANGE REFERENCE DATA", modify.Template!.Name);
        Assert.Equal("9000", Device("1.5").Single(m => m.RequestMessage == secure[0]).Response!.Sw);
    }

    [Fact]
    public void A_Secure_message_with_a_broken_structure_says_why()
    {
        var bad = SpySecure.FromCcid(Hex.Parse("00 00 82 04"));
        Assert.Equal("verify", bad.Operation);
        Assert.NotNull(bad.Error);
        Assert.Equal("cancel", SpySecure.FromCcid([0x04]).Operation);
    }
}
