namespace CardKit.Pcsc;

/// <summary>SCardConnect dwShareMode (PC/SC part 5 §3.1.4).</summary>
public enum ShareMode : uint
{
    /// <summary>No other application may connect to the card (SCARD_SHARE_EXCLUSIVE).</summary>
    Exclusive = 1,
    /// <summary>Other applications may connect to the card too (SCARD_SHARE_SHARED).</summary>
    Shared = 2,
    /// <summary>Talk to the reader with no card (SCardControl, GetAttrib).</summary>
    Direct = 3,
}
