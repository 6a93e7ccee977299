namespace CardKit.Ccid;

/// <summary>What a reader's XfrBlock carries, from dwFeatures bits 16-18 (CCID Rev 1.1 §5.1, Table 5.1-1).</summary>
public enum CcidExchangeLevel
{
    /// <summary>00000000: character level, raw bytes.</summary>
    Character,
    /// <summary>00010000: TPDU level (T=0 TPDUs, T=1 blocks).</summary>
    Tpdu,
    /// <summary>00020000: short APDU level.</summary>
    ShortApdu,
    /// <summary>00040000: short and extended APDU level (wLevelParameter/bChainParameter chaining).</summary>
    ExtendedApdu,
}
