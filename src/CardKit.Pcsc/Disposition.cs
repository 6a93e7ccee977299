namespace CardKit.Pcsc;

/// <summary>What to do with the card on disconnect or end of transaction (SCARD_LEAVE_CARD ...).</summary>
public enum Disposition : uint
{
    /// <summary>Leave the card as it is (SCARD_LEAVE_CARD).</summary>
    Leave = 0,
    /// <summary>Warm reset the card (SCARD_RESET_CARD); its security state is lost.</summary>
    Reset = 1,
    /// <summary>Power the card down (SCARD_UNPOWER_CARD); the next connection cold-resets it.</summary>
    Unpower = 2,
    /// <summary>Eject the card, if the reader can (SCARD_EJECT_CARD).</summary>
    Eject = 3,
}
