namespace CardKit.Ccid;

/// <summary>bConfirmPIN of the PIN modification structure (CCID Rev 1.1 §6.1.11).</summary>
[Flags]
public enum PinConfirmation : byte
{
    /// <summary>Only the new PIN is entered, once.</summary>
    None = 0,

    /// <summary>Bit 0: the new PIN is entered twice (confirmation requested).</summary>
    ConfirmNewPin = 0x01,

    /// <summary>Bit 1: the current PIN is entered first.</summary>
    EnterCurrentPin = 0x02,
}
