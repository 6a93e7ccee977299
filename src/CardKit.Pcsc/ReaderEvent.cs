namespace CardKit.Pcsc;

/// <summary>One reader or card change.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="ReaderName">The reader concerned (null for service events).</param>
/// <param name="Atr">The ATR for <see cref="ReaderEventKind.CardInserted"/>; empty otherwise.</param>
/// <param name="Time">When the monitor saw it.</param>
/// <param name="Detail">Why, for <see cref="ReaderEventKind.ServiceLost"/> (the PC/SC code name).</param>
public sealed record ReaderEvent(ReaderEventKind Kind, string? ReaderName, byte[] Atr, DateTimeOffset Time, string? Detail = null)
{
    /// <summary>What happened, in words: "card inserted", "PC/SC service lost (pcscd stopped or restarting); waiting for it", ...</summary>
    public string Description => Kind switch
    {
        ReaderEventKind.ReaderAdded => "reader added",
        ReaderEventKind.ReaderRemoved => "reader removed",
        ReaderEventKind.CardInserted => "card inserted",
        ReaderEventKind.CardRemoved => "card removed",
        ReaderEventKind.ServiceLost => "PC/SC service lost (pcscd stopped or restarting); waiting for it",
        _ => "PC/SC service back",
    };
}
