namespace CardKit.Pcsc;

/// <summary>What changed in a <see cref="ReaderMonitor"/> event.</summary>
public enum ReaderEventKind
{
    /// <summary>A reader appeared (or was there when the watch began).</summary>
    ReaderAdded,

    /// <summary>A reader went away.</summary>
    ReaderRemoved,

    /// <summary>A card was inserted (or was there when the watch began); the event carries its ATR.</summary>
    CardInserted,

    /// <summary>A card was removed.</summary>
    CardRemoved,

    /// <summary>pcscd went away (stopped, restarted, protocol mismatch); the monitor keeps retrying.</summary>
    ServiceLost,

    /// <summary>pcscd is back; ReaderAdded/CardInserted events for the current state follow.</summary>
    ServiceRestored,
}
