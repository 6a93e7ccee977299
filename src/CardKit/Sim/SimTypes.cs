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

/// <summary>One phone book entry: the ADN record plus the USIM e-mail and additional number when present.</summary>
public sealed record PhonebookEntry(AdnRecord Adn, string? Email = null, string? AdditionalNumber = null)
{
    /// <summary>The record number in its EF_ADN.</summary>
    public int RecordNumber => Adn.RecordNumber;

    /// <summary>Which set of phone book files it is in: the EF_PBR record, 1 on most cards and on GSM SIMs.</summary>
    public int Set { get; init; } = 1;

    /// <summary>"17" in the first set, "2:17" in the second.</summary>
    public string Position => Set == 1 ? RecordNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Set}:{RecordNumber}";
}

/// <summary>
/// Where the phone book lives: EF_ADN, EF_EXT1 and the USIM companions (TS 31.102 §4.4.2.1).
/// E-mail and additional number are type 1 (record n belongs to ADN record n) unless their
/// position in EF_IAP is given: then they are type 2, and byte <c>position</c> of EF_IAP record n
/// names their record for ADN record n.
/// </summary>
public sealed record PhonebookLayout(RecordFileInfo Adn, RecordFileInfo? Ext1, RecordFileInfo? Email, RecordFileInfo? Anr, string Location)
{
    /// <summary>The EF_PBR record that names these files (1 for GSM and for cards without EF_PBR).</summary>
    public int PbrRecord { get; init; } = 1;

    /// <summary>EF_ADN's short file identifier from EF_PBR: type 2 records end with it and the ADN record number.</summary>
    public byte? AdnSfi { get; init; }

    /// <summary>EF_IAP, the index administration file of type 2 companions.</summary>
    public RecordFileInfo? Iap { get; init; }

    /// <summary>The e-mail file's position in EF_IAP records (0-based) when it is type 2.</summary>
    public int? EmailIapPosition { get; init; }

    /// <summary>The additional number file's position in EF_IAP records (0-based) when it is type 2.</summary>
    public int? AnrIapPosition { get; init; }

    /// <summary>The files of this set (type 3 files such as EF_EXT1 may be shared with other sets: same FID).</summary>
    public IEnumerable<RecordFileInfo> Files => new[] { Adn, Ext1, Email, Anr, Iap }.OfType<RecordFileInfo>();
}
