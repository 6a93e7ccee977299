namespace CardKit.Iso7816;

/// <summary>The four command cases of ISO/IEC 7816-3:2006 §12.1.2, short or extended.</summary>
public enum ApduCase
{
    /// <summary>Header only: no data, no response data expected.</summary>
    Case1 = 1,
    /// <summary>Header + Le: response data expected.</summary>
    Case2 = 2,
    /// <summary>Header + Lc + data: no response data expected.</summary>
    Case3 = 3,
    /// <summary>Header + Lc + data + Le.</summary>
    Case4 = 4,
}
