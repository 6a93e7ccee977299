using CardKit.Atr;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>How a capture is decoded.</summary>
public sealed record SpyOptions
{
    /// <summary>Show PINs (VERIFY, CHANGE REFERENCE DATA ... data) instead of masking them.</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Decode only this device ("BUS.DEVICE"); null for all.</summary>
    public string? Device { get; init; }

    /// <summary>The ATR list that identifies cards (smartcard_list.txt), or null.</summary>
    public SmartcardList? Cards { get; init; }

    /// <summary>The AID names for SELECT by DF name; null for <see cref="AidTable.Default"/>.</summary>
    public AidTable? Aids { get; init; }
}
