namespace CardKit.Ccid;

/// <summary>Where the PIN sits in its PIN block: bmFormatString bit 2 (CCID Rev 1.1 §6.1.11).</summary>
public enum PinJustification : byte
{
    /// <summary>0: the PIN starts at the block's first unit; the padding follows.</summary>
    Left = 0,

    /// <summary>1: the PIN ends at the block's last unit; the padding precedes it.</summary>
    Right = 1,
}
