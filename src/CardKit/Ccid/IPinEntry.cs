using CardKit.Iso7816;

namespace CardKit.Ccid;

/// <summary>
/// Something that takes a PIN from a person and sends the PIN command to the card without the caller
/// seeing the PIN: a reader's pin pad (PC/SC Part 10 FEATURE_VERIFY_PIN_DIRECT / MODIFY_PIN_DIRECT) or
/// <see cref="SoftwarePinPad"/> standing in for one.
/// </summary>
public interface IPinEntry
{
    /// <summary>Where the PIN is typed, for messages ("the pin pad of reader X").</summary>
    string Description { get; }

    /// <summary>
    /// Asks for the PIN, writes it into <see cref="PinStructure.ApduTemplate"/> and sends the command;
    /// returns the card's answer or one of the <see cref="PinPadStatus"/> words when the entry itself failed.
    /// </summary>
    ResponseApdu Verify(PinVerifyStructure verify);

    /// <summary>The same for a PIN change: the current PIN when asked for, the new PIN, its confirmation.</summary>
    ResponseApdu Modify(PinModifyStructure modify);
}
