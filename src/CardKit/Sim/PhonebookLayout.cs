namespace CardKit.Sim;

/// <summary>
/// Where the phone book lives: EF_ADN, EF_EXT1 and the USIM companions (TS 31.102 §4.4.2.1).
/// E-mail and additional number are type 1 (record n belongs to ADN record n) unless their
/// position in EF_IAP is given: then they are type 2, and byte <c>position</c> of EF_IAP record n
/// names their record for ADN record n.
/// </summary>
/// <param name="Directory">The directory the files are in; selection goes by this, never by <paramref name="Location"/>.</param>
/// <param name="Adn">EF_ADN.</param>
/// <param name="Ext1">EF_EXT1, or null.</param>
/// <param name="Email">EF_EMAIL, or null.</param>
/// <param name="Anr">EF_ANR, or null.</param>
/// <param name="Location">For people: "DF_TELECOM 7F10", "DF_TELECOM/DF_PHONEBOOK 7F10/5F3A (EF_PBR record 1)".</param>
public sealed record PhonebookLayout(PhonebookDirectory Directory, RecordFileInfo Adn, RecordFileInfo? Ext1, RecordFileInfo? Email, RecordFileInfo? Anr, string Location)
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
