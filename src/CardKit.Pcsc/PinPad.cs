using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Pcsc;

/// <summary>
/// A reader's pin pad through PC/SC Part 10 v2.02: the features the driver lists for
/// CM_IOCTL_GET_FEATURE_REQUEST, its TLV properties and PIN properties on request, and PIN
/// verification and change with the PIN typed on the reader (FEATURE_VERIFY_PIN_DIRECT and
/// FEATURE_MODIFY_PIN_DIRECT: SCardControl with PIN_VERIFY_STRUCTURE / PIN_MODIFY_STRUCTURE, answered by
/// the card's status word). The PIN never passes through this process.
/// </summary>
public sealed class PinPad : IPinEntry
{
    // What SCardControl answers when the driver does not know the control code at all. vpcd's IFDHControl
    // says "not supported", which pcscd 1.9.9 reports as SCARD_E_UNEXPECTED (measured here).
    private static readonly ScardError[] NotSupported =
        [ScardError.UnsupportedFeature, ScardError.NotTransacted, ScardError.InvalidParameter, ScardError.InvalidValue, ScardError.Unexpected];

    private readonly IReaderControl _reader;

    private PinPad(IReaderControl reader, Part10FeatureList features)
    {
        _reader = reader;
        Features = features;
    }

    /// <summary>The reader.</summary>
    public string ReaderName => _reader.ReaderName;

    /// <inheritdoc/>
    public string Description => $"the pin pad of reader '{ReaderName}'";

    /// <summary>Every feature the driver lists, with its control code.</summary>
    public Part10FeatureList Features { get; }

    /// <summary>True when the pad verifies PINs (FEATURE_VERIFY_PIN_DIRECT).</summary>
    public bool CanVerify => Features.Supports(Part10Feature.VerifyPinDirect);

    /// <summary>True when the pad changes PINs (FEATURE_MODIFY_PIN_DIRECT).</summary>
    public bool CanModify => Features.Supports(Part10Feature.ModifyPinDirect);

    /// <summary>The pin pad of the reader behind <paramref name="channel"/>.</summary>
    /// <exception cref="PinPadUnavailableException">The channel carries no reader control commands, or the reader lists no PIN feature.</exception>
    public static PinPad Open(ICardChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel is IReaderControl reader
            ? Open(reader)
            : throw new PinPadUnavailableException(channel.ReaderName,
                $"reader '{channel.ReaderName}' has no pin pad: this connection carries no reader control commands (SCardControl)");
    }

    /// <summary>Finds the reader's pin pad from the features its driver lists.</summary>
    /// <exception cref="PinPadUnavailableException">The reader lists neither FEATURE_VERIFY_PIN_DIRECT nor FEATURE_MODIFY_PIN_DIRECT.</exception>
    /// <exception cref="CardKitFormatException">The reader's feature list is malformed.</exception>
    public static PinPad Open(IReaderControl reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var features = ReadFeatures(reader);
        if (!features.Supports(Part10Feature.VerifyPinDirect) && !features.Supports(Part10Feature.ModifyPinDirect))
        {
            var listed = features.Features.Count == 0 ? "no feature at all" : string.Join(", ", features.Features.Select(f => f.Key));
            throw new PinPadUnavailableException(reader.ReaderName,
                $"reader '{reader.ReaderName}' has no pin pad: its driver lists {listed} for CM_IOCTL_GET_FEATURE_REQUEST, " +
                "not FEATURE_VERIFY_PIN_DIRECT or FEATURE_MODIFY_PIN_DIRECT");
        }
        return new PinPad(reader, features);
    }

    /// <summary>FEATURE_GET_TLV_PROPERTIES (display, PIN sizes, firmware, USB ids), or null when the driver does not offer it.</summary>
    /// <exception cref="CardKitFormatException">The answer is not a property TLV list.</exception>
    public Part10Properties? ReadProperties() =>
        Features.TryGetControlCode(Part10Feature.GetTlvProperties, out var code) ? Part10Properties.Parse(Ask(code)) : null;

    /// <summary>FEATURE_IFD_PIN_PROPERTIES (display, entry conditions, second timeout), or null when the driver does not offer it.</summary>
    /// <exception cref="CardKitFormatException">The answer is not a 4-byte PIN_PROPERTIES_STRUCTURE.</exception>
    public PinProperties? ReadPinProperties() =>
        Features.TryGetControlCode(Part10Feature.IfdPinProperties, out var code) ? PinProperties.Parse(Ask(code)) : null;

    private byte[] Ask(uint controlCode)
    {
        var buffer = new byte[1024];
        return buffer.AsSpan(0, _reader.Control(controlCode, [], buffer)).ToArray();
    }

    /// <summary>
    /// The reader's features: SCardControl(CM_IOCTL_GET_FEATURE_REQUEST) decoded as TLVs. A driver that
    /// refuses the request (vpcd does) has none: the list is empty.
    /// </summary>
    /// <exception cref="CardKitFormatException">The answer is not a feature TLV list.</exception>
    public static Part10FeatureList ReadFeatures(IReaderControl reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var buffer = new byte[256];
        int length;
        try
        {
            length = reader.Control(reader.FeatureRequestControlCode, [], buffer);
        }
        catch (PcscException e) when (NotSupported.Contains(e.Error))
        {
            return new Part10FeatureList([]);
        }
        return Part10FeatureList.Parse(buffer.AsSpan(0, length));
    }

    /// <summary>FEATURE_VERIFY_PIN_DIRECT: the person types the PIN on the reader, which sends the completed APDU.</summary>
    /// <exception cref="PinPadUnavailableException">The pad does not verify PINs.</exception>
    public ResponseApdu Verify(PinVerifyStructure verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        return Send(Part10Feature.VerifyPinDirect, verify.EncodePart10());
    }

    /// <summary>FEATURE_MODIFY_PIN_DIRECT: the person types the current and new PINs on the reader.</summary>
    /// <exception cref="PinPadUnavailableException">The pad does not change PINs.</exception>
    public ResponseApdu Modify(PinModifyStructure modify)
    {
        ArgumentNullException.ThrowIfNull(modify);
        return Send(Part10Feature.ModifyPinDirect, modify.EncodePart10());
    }

    private ResponseApdu Send(Part10Feature feature, byte[] structure)
    {
        if (!Features.TryGetControlCode(feature, out var code))
            throw new PinPadUnavailableException(ReaderName, $"the pin pad of reader '{ReaderName}' does not offer {feature}");
        var response = new byte[ICardChannel.MaxShortResponse];
        var length = _reader.Control(code, structure, response);
        return ResponseApdu.Parse(response.AsSpan(0, length));
    }
}
