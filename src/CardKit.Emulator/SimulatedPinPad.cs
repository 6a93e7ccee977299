using CardKit.Ccid;

namespace CardKit.Emulator;

/// <summary>
/// The pin pad of the in-process virtual reader: it answers the PC/SC Part 10 control commands a pin pad
/// reader's driver answers (the feature list, FEATURE_GET_TLV_PROPERTIES, FEATURE_IFD_PIN_PROPERTIES,
/// FEATURE_VERIFY_PIN_DIRECT, FEATURE_MODIFY_PIN_DIRECT) and takes the PINs from <see cref="Keypad"/>,
/// so a program drives it exactly as it drives a hardware pin pad.
/// </summary>
/// <param name="keypad">Gives the PIN for a prompt: what the person would type on the pad; null means cancel.</param>
public sealed class SimulatedPinPad(Func<PinPadPrompt, string?> keypad)
{
    /// <summary>The control codes, numbered as pcsc-lite's CCID driver numbers them: 0x42330000 + the feature tag.</summary>
    public const uint FeatureCodeBase = 0x42330000;

    /// <summary>Gives the PIN for a prompt.</summary>
    public Func<PinPadPrompt, string?> Keypad { get; } = keypad ?? throw new ArgumentNullException(nameof(keypad));

    /// <summary>What FEATURE_GET_TLV_PROPERTIES answers: a 2x16 display, 4 to 8 digit PINs, the validation key.</summary>
    public Part10Properties Properties { get; init; } = new()
    {
        LcdLayout = 0x0210,
        EntryValidationCondition = PinEntryConditions.ValidationKey,
        TimeOut2 = 0,
        LcdMaxCharacters = 16,
        LcdMaxLines = 2,
        MinPinSize = 4,
        MaxPinSize = 8,
        FirmwareId = "CardKit virtual pin pad",
        PpduSupport = 0,
        MaxApduDataSize = 0,
    };

    /// <summary>The features this pad lists, with their control codes.</summary>
    public Part10FeatureList Features { get; } = new(
        new[] { Part10Feature.VerifyPinDirect, Part10Feature.ModifyPinDirect, Part10Feature.IfdPinProperties, Part10Feature.GetTlvProperties }
            .Select(f => new KeyValuePair<Part10Feature, uint>(f, FeatureCodeBase + (uint)f)));

    /// <summary>Answers one control command for the card behind <paramref name="channel"/>; false when the code is not one of this pad's.</summary>
    internal bool TryControl(ICardChannel channel, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        written = 0;
        if (controlCode < FeatureCodeBase || controlCode > FeatureCodeBase + 0xFF)
            return false;
        byte[] answer;
        switch ((Part10Feature)(controlCode - FeatureCodeBase))
        {
            case Part10Feature.GetTlvProperties:
                answer = Properties.Encode();
                break;
            case Part10Feature.IfdPinProperties:
                answer = new PinProperties(Properties.LcdLayout ?? 0, Properties.EntryValidationCondition ?? PinEntryConditions.ValidationKey,
                    Properties.TimeOut2 ?? 0).Encode();
                break;
            case Part10Feature.VerifyPinDirect:
                answer = new SoftwarePinPad(channel, Keypad, "the virtual pin pad").Verify(PinVerifyStructure.ParsePart10(input)).ToArray();
                break;
            case Part10Feature.ModifyPinDirect:
                answer = new SoftwarePinPad(channel, Keypad, "the virtual pin pad").Modify(PinModifyStructure.ParsePart10(input)).ToArray();
                break;
            default:
                return false;
        }
        if (answer.Length > output.Length)
            throw new ArgumentException($"The control answer needs {answer.Length} bytes.", nameof(output));
        answer.CopyTo(output);
        written = answer.Length;
        return true;
    }
}
