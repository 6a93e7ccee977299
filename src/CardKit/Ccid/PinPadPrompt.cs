namespace CardKit.Ccid;

/// <summary>
/// What a pin pad (or the software that stands in for one) asks the person for; the default messages a
/// reader shows for bMsgIndex 00, 01 and 02 (CCID Rev 1.1 §6.1.11).
/// </summary>
public enum PinPadPrompt
{
    /// <summary>Message 00: enter the (current) PIN.</summary>
    EnterPin = 0,

    /// <summary>Message 01: enter the new PIN.</summary>
    EnterNewPin = 1,

    /// <summary>Message 02: enter the new PIN again.</summary>
    ConfirmNewPin = 2,
}
