using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>
/// One decoded message of a capture: a CCID message (one JSON line of `cardkit spy --format json`),
/// a CCID interface found in a configuration descriptor, an unanswered request at the end, or a
/// PC/SC call of a pcsc-spy log. Fields that do not apply are left out of the JSON.
/// </summary>
public sealed class SpyMessage
{
    /// <summary>An empty message, to fill in with an object initializer.</summary>
    public SpyMessage()
    {
    }

    // What every CCID message of a capture says the same way: its packet's frame and time, the device, the
    // direction, and the message header's bMessageType, bSlot, bSeq (CCID Rev 1.1 §6.1, §6.2, §6.3).
    [SetsRequiredMembers]
    internal SpyMessage(in CapturePacket packet, string device, string direction, byte type, int? slot, int? seq)
    {
        Frame = packet.Frame;
        Time = SpyTime.Format(packet.TimestampNanoseconds);
        Device = device;
        Direction = direction;
        Slot = slot;
        Seq = seq;
        Message = CcidNames.Message(type);
        Type = type;
    }

    /// <summary>Frame (packet) number, 1-based; for pcsc-spy logs the line number of the call.</summary>
    public long Frame { get; init; }

    /// <summary>Capture time, ISO 8601 UTC with microseconds.</summary>
    public required string Time { get; init; }

    /// <summary>"BUS.DEVICE" for USB captures, the thread for pcsc-spy logs.</summary>
    public required string Device { get; init; }

    /// <summary>"out" (PC_to_RDR, host to reader), "in" (RDR_to_PC), "call" (pcsc-spy) or "none" (descriptor, notices).</summary>
    public required string Direction { get; init; }

    /// <summary>bSlot.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Slot { get; init; }

    /// <summary>bSeq.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seq { get; init; }

    /// <summary>The CCID message name (PC_to_RDR_XfrBlock ...), "CCID interface", "unanswered request", or the SCard function.</summary>
    public required string Message { get; init; }

    /// <summary>bMessageType; 0 (left out of the JSON) for records that are no CCID message.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Type { get; init; }

    /// <summary>For a response: the frame of the request it answers; 0 (left out) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Request { get; init; }

    /// <summary>For a response: milliseconds since its request (for a pcsc-spy call: its duration); 0 (left out of the JSON) when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double ElapsedMs { get; init; }

    /// <summary>The message-specific header fields explained (voltage, level parameter, clock status, ...).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }

    /// <summary>bStatus of a response explained.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyStatus? Status { get; init; }

    /// <summary>bError, when bStatus says the command failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyError? Error { get; init; }

    /// <summary>The command APDU this message completes (APDU level, or the last block of a T=1 chain).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommandSummary? Apdu { get; init; }

    /// <summary>The response APDU this message completes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResponseSummary? Response { get; init; }

    /// <summary>The ATR, for a DataBlock that answers IccPowerOn.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyAtr? Atr { get; init; }

    /// <summary>The PIN pad operation of PC_to_RDR_Secure, or of a pcsc-spy SCardControl with a part 10 PIN structure.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpySecure? Secure { get; init; }

    /// <summary>The T=1 block of a TPDU-level exchange.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyT1Block? T1 { get; init; }

    /// <summary>The protocol data structure of SetParameters / Parameters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CcidProtocolData? Parameters { get; init; }

    /// <summary>NotifySlotChange: every slot's state.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SpySlotChange>? Slots { get; init; }

    /// <summary>A payload not decoded further (Escape, character level), hex.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Data { get; init; }

    /// <summary>The CCID interface, for the "CCID interface" record.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyInterface? Interface { get; init; }

    /// <summary>The PC/SC call, for pcsc-spy logs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SpyCall? Call { get; init; }

    /// <summary>Anything unusual: an unexpected response, an unanswered request, a bad EDC, a broken chain.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary>For a response: the request message it answers (not serialised).</summary>
    [JsonIgnore]
    public SpyMessage? RequestMessage { get; init; }

    /// <summary>The raw command APDU (not masked, not serialised), when <see cref="Apdu"/> is set.</summary>
    [JsonIgnore]
    public byte[]? CommandBytes { get; init; }

    /// <summary>The raw response APDU (not serialised), when <see cref="Response"/> is set.</summary>
    [JsonIgnore]
    public byte[]? ResponseBytes { get; init; }

    /// <summary>The command the response answers (not serialised), when <see cref="Response"/> is set.</summary>
    [JsonIgnore]
    public byte[]? AnsweredCommand { get; init; }
}
