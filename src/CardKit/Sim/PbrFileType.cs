namespace CardKit.Sim;

/// <summary>How a phone book file's records relate to EF_ADN's (3GPP TS 31.102 §4.4.2.1).</summary>
public enum PbrFileType
{
    /// <summary>Template A8: record n belongs to ADN record n.</summary>
    Type1,

    /// <summary>Template A9: EF_IAP record n names the record that belongs to ADN record n.</summary>
    Type2,

    /// <summary>Template AA: records are pointed to from other files (EF_EXT1, EF_AAS, EF_GAS).</summary>
    Type3,
}
