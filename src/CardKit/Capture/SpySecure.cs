using System.Text.Json.Serialization;
using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>
/// A PIN pad operation: the bPINOperation of PC_to_RDR_Secure (CCID Rev 1.1 §6.1.11) with its PIN
/// verification or modification data structure, or the PC/SC v2 part 10 PIN_VERIFY_STRUCTURE /
/// PIN_MODIFY_STRUCTURE of an SCardControl (§2.5.2, §2.5.3), and the APDU template decoded.
/// </summary>
public sealed record SpySecure
{
    /// <summary>"verify", "modify", "transfer", "wait", "cancel", "resend", "next" (or "operation XX").</summary>
    public required string Operation { get; init; }

    /// <summary>bTimeOut (bTimerOut): seconds to wait for the first key, 0 for the reader's default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TimeOut { get; init; }

    /// <summary>bTimerOut2 (part 10 only): seconds between keys.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TimeOut2 { get; init; }

    /// <summary>bmFormatString.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FormatString { get; init; }

    /// <summary>bmPINBlockString.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PinBlockString { get; init; }

    /// <summary>bmPINLengthFormat.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PinLengthFormat { get; init; }

    /// <summary>The three format bytes explained: encoding, justification, PIN position, block size, length field.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Format { get; init; }

    /// <summary>wPINMaxExtraDigit high byte: the shortest PIN.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MinPinLength { get; init; }

    /// <summary>wPINMaxExtraDigit low byte: the longest PIN.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxPinLength { get; init; }

    /// <summary>bEntryValidationCondition explained.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EntryValidation { get; init; }

    /// <summary>bConfirmPIN explained (modify).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConfirmPin { get; init; }

    /// <summary>bInsertionOffsetOld (modify).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InsertionOffsetOld { get; init; }

    /// <summary>bInsertionOffsetNew (modify).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InsertionOffsetNew { get; init; }

    /// <summary>bNumberMessage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumberMessage { get; init; }

    /// <summary>wLangId, hex ("0409").</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LangId { get; init; }

    /// <summary>bMsgIndex (verify) or bMsgIndex1-3 (modify; the optional ones resolved by the layout that leaves a consistent APDU template).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? MessageIndexes { get; init; }

    /// <summary>bTeoPrologue, hex.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TeoPrologue { get; init; }

    /// <summary>The APDU template the reader completes with the PIN(s).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommandSummary? Template { get; init; }

    /// <summary>Why the structure does not parse, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Decodes the abData of PC_to_RDR_Secure; never throws (a malformed structure gets <see cref="Error"/>).</summary>
    public static SpySecure FromCcid(ReadOnlySpan<byte> abData, AidTable? aids = null)
    {
        if (abData.IsEmpty)
            return new SpySecure { Operation = "none", Error = "abData is empty: no bPINOperation" };
        try
        {
            var command = SecurePinCommand.Parse(abData);
            return ((PinStructure?)command.Verify ?? command.Modify) is { } structure ? Of(structure, aids)
                : new SpySecure { Operation = OperationName(abData[0]) };
        }
        catch (CardKitFormatException e)
        {
            return new SpySecure { Operation = OperationName(abData[0]), Error = e.Message };
        }
    }

    /// <summary>Decodes a part 10 PIN_VERIFY_STRUCTURE (<paramref name="modify"/> false) or PIN_MODIFY_STRUCTURE; never throws.</summary>
    public static SpySecure FromPart10(ReadOnlySpan<byte> structure, bool modify, AidTable? aids = null)
    {
        try
        {
            return Of(modify ? PinModifyStructure.ParsePart10(structure) : PinVerifyStructure.ParsePart10(structure), aids);
        }
        catch (CardKitFormatException e)
        {
            return new SpySecure { Operation = modify ? "modify" : "verify", Error = e.Message };
        }
    }

    // The fields both PIN structures carry (PC/SC v2 part 10 §2.5.2, §2.5.3), and the modification's own.
    private static SpySecure Of(PinStructure s, AidTable? aids)
    {
        var modify = s as PinModifyStructure;
        return new()
        {
            Operation = modify is null ? "verify" : "modify",
            TimeOut = s.TimeOut,
            TimeOut2 = s.TimeOut2,
            FormatString = s.Format.FormatString,
            PinBlockString = s.Format.PinBlockString,
            PinLengthFormat = s.Format.PinLengthFormat,
            Format = Describe(s.Format),
            InsertionOffsetOld = modify?.InsertionOffsetOld,
            InsertionOffsetNew = modify?.InsertionOffsetNew,
            MinPinLength = s.MinPinLength,
            MaxPinLength = s.MaxPinLength,
            ConfirmPin = modify is null ? null : Describe(modify.Confirmation),
            EntryValidation = Describe(s.EntryConditions),
            NumberMessage = s.NumberMessage,
            LangId = s.LangId.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            MessageIndexes = s switch
            {
                PinModifyStructure { MessageIndex3: { } i3 } m => [m.MessageIndex1, m.MessageIndex2!.Value, i3],
                PinModifyStructure { MessageIndex2: { } i2 } m => [m.MessageIndex1, i2],
                PinModifyStructure m => [m.MessageIndex1],
                PinVerifyStructure v => [v.MessageIndex],
                _ => null,
            },
            TeoPrologue = s.TeoPrologue.IsEmpty ? null : Hex.Format(s.TeoPrologue.Span, '\0'),
            Template = s.ApduTemplate.IsEmpty ? null : CommandSummary.Of(s.ApduTemplate.Span, showSecrets: true, aids),
        };
    }

    private static string Describe(PinConfirmation c) => c == PinConfirmation.None ? "new PIN once, no current PIN"
        : string.Join(", ", new[] { c.HasFlag(PinConfirmation.ConfirmNewPin) ? "new PIN confirmed" : null,
            c.HasFlag(PinConfirmation.EnterCurrentPin) ? "current PIN entered" : null }.Where(t => t is not null));

    // CCID Rev 1.1 §6.1.11.4: bmFormatString b7 position unit, b6-b3 position, b2 justification, b1-b0 type;
    // bmPINBlockString b7-b4 length field size in bits, b3-b0 block size in bytes; bmPINLengthFormat b4 unit, b3-b0 position.
    private static string Describe(PinBlockFormat f) =>
        $"{f.Encoding} PIN, {f.Justification} justified at {(f.PinPositionInBytes ? "byte" : "bit")} {f.PinPosition}, block of {f.PinBlockSize} bytes"
        + (f.PinLengthSizeBits > 0 ? $", {f.PinLengthSizeBits}-bit length field at {(f.PinLengthPositionInBytes ? "byte" : "bit")} {f.PinLengthPosition}" : ", no length field");

    private static string Describe(PinEntryConditions c) => c == PinEntryConditions.None ? "none"
        : string.Join(", ", new[] { c.HasFlag(PinEntryConditions.MaxSizeReached) ? "maximum size reached" : null,
            c.HasFlag(PinEntryConditions.ValidationKey) ? "validation key pressed" : null,
            c.HasFlag(PinEntryConditions.Timeout) ? "timeout" : null }.Where(t => t is not null));

    private static string OperationName(byte operation) => operation switch
    {
        0 => "verify",
        1 => "modify",
        2 => "transfer",
        3 => "wait",
        4 => "cancel",
        5 => "resend",
        6 => "next",
        _ => $"operation {operation:X2}",
    };
}
