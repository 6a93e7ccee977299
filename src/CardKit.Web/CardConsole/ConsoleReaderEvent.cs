namespace CardKit.Web.CardConsole;

/// <summary>One reader or card change as the console page receives it (server-sent event data).</summary>
/// <param name="Kind">ReaderAdded, ReaderRemoved, CardInserted, CardRemoved, ServiceLost or ServiceRestored.</param>
/// <param name="Reader">The reader, when the change concerns one.</param>
/// <param name="Atr">The card's ATR in hex, when a card was inserted.</param>
/// <param name="Valid">Whether the ATR is well formed.</param>
/// <param name="Protocols">The protocols the ATR announces ("T=0, T=1").</param>
/// <param name="Identified">The descriptions of the matching list entries (empty: unknown card).</param>
/// <param name="Time">When it happened (UTC, ISO 8601).</param>
public sealed record ConsoleReaderEvent(string Kind, string? Reader, string? Atr, bool? Valid, string? Protocols, IReadOnlyList<string> Identified, DateTimeOffset Time);
