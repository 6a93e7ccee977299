using CardKit.Iso7816;

namespace CardKit.Ccid;

/// <summary>
/// Does in software what a pin pad does with PIN_VERIFY_STRUCTURE and PIN_MODIFY_STRUCTURE: asks
/// <paramref name="keys"/> for each PIN (null means the person cancelled; a <see cref="TimeoutException"/>
/// means nobody answered), checks lengths and the confirmation, writes the PINs into the APDU template as
/// <see cref="PinBlockFormat.WritePin"/> says and sends it to <paramref name="card"/>. The keyboard path
/// of a host and the in-process virtual reader's pin pad both use it.
/// </summary>
/// <param name="card">The card the command goes to.</param>
/// <param name="keys">Gives the PIN for a prompt; null when the person cancelled.</param>
/// <param name="description">Where the PIN is typed, for messages.</param>
/// <param name="charset">The characters the keys may produce; others are refused before anything is sent.</param>
public sealed class SoftwarePinPad(ICardChannel card, Func<PinPadPrompt, string?> keys, string description = "the keyboard",
    PinCharset charset = PinCharset.Numeric) : IPinEntry
{
    private readonly ICardChannel _card = card ?? throw new ArgumentNullException(nameof(card));
    private readonly Func<PinPadPrompt, string?> _keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <inheritdoc/>
    public string Description { get; } = description;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A PIN has characters outside the character set.</exception>
    public ResponseApdu Verify(PinVerifyStructure verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        var apdu = verify.ApduTemplate.ToArray();
        if (Ask(PromptFor(verify.MessageIndex), out var pin) is { } failed)
            return failed;
        if (!Fits(pin!, verify.MinPinLength, verify.MaxPinLength) || !TryWrite(verify.Format, pin!, apdu, 0))
            return Status(PinPadStatus.LengthOutOfRange);
        return new CardSession(_card).Transmit(apdu);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A PIN has characters outside the character set.</exception>
    public ResponseApdu Modify(PinModifyStructure modify)
    {
        ArgumentNullException.ThrowIfNull(modify);
        var apdu = modify.ApduTemplate.ToArray();
        string? current = null;
        if (modify.Confirmation.HasFlag(PinConfirmation.EnterCurrentPin) && Ask(PinPadPrompt.EnterPin, out current) is { } cancelled)
            return cancelled;
        if (Ask(PinPadPrompt.EnterNewPin, out var next) is { } failed)
            return failed;
        if (modify.Confirmation.HasFlag(PinConfirmation.ConfirmNewPin))
        {
            if (Ask(PinPadPrompt.ConfirmNewPin, out var again) is { } failedAgain)
                return failedAgain;
            if (again != next)
                return Status(PinPadStatus.Mismatch);
        }
        if ((current is not null && !Fits(current, modify.MinPinLength, modify.MaxPinLength))
            || !Fits(next!, modify.MinPinLength, modify.MaxPinLength)
            || (current is not null && !TryWrite(modify.Format, current, apdu, modify.InsertionOffsetOld))
            || !TryWrite(modify.Format, next!, apdu, modify.InsertionOffsetNew))
            return Status(PinPadStatus.LengthOutOfRange);
        return new CardSession(_card).Transmit(apdu);
    }

    private ResponseApdu? Ask(PinPadPrompt prompt, out string? pin)
    {
        try
        {
            pin = _keys(prompt);
        }
        catch (TimeoutException)
        {
            pin = null;
            return Status(PinPadStatus.Timeout);
        }
        if (pin is null)
            return Status(PinPadStatus.Cancelled);
        var ok = charset switch
        {
            PinCharset.Numeric => pin.All(char.IsAsciiDigit),
            PinCharset.Alphanumeric => pin.All(char.IsAsciiLetterOrDigit),
            _ => true,
        };
        return ok ? null : throw new ArgumentException(
            charset == PinCharset.Numeric ? "a PIN here is digits only" : "a PIN here is letters and digits");
    }

    // bMsgIndex 00/01/02 are the reader's default prompts; anything else shows as the PIN prompt.
    private static PinPadPrompt PromptFor(byte messageIndex) =>
        messageIndex <= 2 ? (PinPadPrompt)messageIndex : PinPadPrompt.EnterPin;

    // wPINMaxExtraDigit: a maximum of 0 sets no limit.
    private static bool Fits(string pin, int min, int max) => pin.Length >= min && (max == 0 || pin.Length <= max);

    private static bool TryWrite(PinBlockFormat format, string pin, byte[] apdu, int insertionOffset)
    {
        try
        {
            format.WritePin(pin, apdu, insertionOffset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ResponseApdu Status(StatusWord statusWord) => new([], statusWord);
}
