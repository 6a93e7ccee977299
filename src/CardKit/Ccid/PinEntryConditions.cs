namespace CardKit.Ccid;

/// <summary>
/// bEntryValidationCondition: what ends PIN entry on the reader (CCID Rev 1.1 §6.1.11; the same bits in
/// PC/SC Part 10's PIN structures and its GET_TLV_PROPERTIES / PIN_PROPERTIES_STRUCTURE).
/// </summary>
[Flags]
public enum PinEntryConditions : byte
{
    /// <summary>No condition set.</summary>
    None = 0,

    /// <summary>Bit 0: the maximum PIN size was reached.</summary>
    MaxSizeReached = 0x01,

    /// <summary>Bit 1: the validation key was pressed.</summary>
    ValidationKey = 0x02,

    /// <summary>Bit 2: the entry timed out.</summary>
    Timeout = 0x04,
}
