namespace CardKit.Capture;

/// <summary>
/// A CCID interface found in a capture: from the configuration descriptor (interface class 0x0B
/// and the class descriptor 0x21, CCID Rev 1.1 §5.1) or, when enumeration was not captured, from
/// the messages seen on the bulk endpoints.
/// </summary>
public sealed record SpyInterface
{
    /// <summary>"descriptor" or "heuristic".</summary>
    public required string Source { get; init; }

    /// <summary>"character", "TPDU", "short APDU", "extended APDU", or "unknown" (heuristic).</summary>
    public required string ExchangeLevel { get; init; }

    /// <summary>dwFeatures.</summary>
    public uint Features { get; init; }

    /// <summary>bPINSupport: bit 0 verification, bit 1 modification.</summary>
    public int PinSupport { get; init; }

    /// <summary>dwMaxCCIDMessageLength.</summary>
    public uint MaxMessageLength { get; init; }

    /// <summary>bMaxSlotIndex.</summary>
    public int MaxSlotIndex { get; init; }

    /// <summary>dwMaxIFSD.</summary>
    public uint MaxIfsd { get; init; }
}
