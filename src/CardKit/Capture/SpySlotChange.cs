namespace CardKit.Capture;

/// <summary>One slot of RDR_to_PC_NotifySlotChange (CCID Rev 1.1 §6.3.1): card present now, and whether that changed.</summary>
public sealed record SpySlotChange(int Slot, bool Present, bool Changed);
