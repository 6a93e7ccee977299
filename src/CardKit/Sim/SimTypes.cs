namespace CardKit.Sim;

/// <summary>Which application model the card speaks.</summary>
public enum SimKind
{
    /// <summary>GSM 11.11 SIM, class A0.</summary>
    Gsm,
    /// <summary>UICC (ETSI TS 102 221), class 00, with the USIM application (3GPP TS 31.102).</summary>
    Usim,
}

/// <summary>CHV1 / PIN1 state read without trying a PIN.</summary>
public sealed record ChvStatus(bool Enabled, int RemainingAttempts, bool Verified)
{
    public bool Blocked => RemainingAttempts == 0;
}

/// <summary>A record EF as the select response describes it.</summary>
public sealed record RecordFileInfo(string Name, ushort Fid, int RecordLength, int RecordCount)
{
    public int Size => RecordLength * RecordCount;
}

/// <summary>One phone book entry: the ADN record plus USIM type 1 e-mail and additional number when present.</summary>
public sealed record PhonebookEntry(AdnRecord Adn, string? Email = null, string? AdditionalNumber = null)
{
    public int RecordNumber => Adn.RecordNumber;
}

/// <summary>Where the phone book lives: EF_ADN, EF_EXT1 and the USIM type 1 companions (TS 31.102 §4.4.2.1).</summary>
public sealed record PhonebookLayout(RecordFileInfo Adn, RecordFileInfo? Ext1, RecordFileInfo? Email, RecordFileInfo? Anr, string Location);
