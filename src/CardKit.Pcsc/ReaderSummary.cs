namespace CardKit.Pcsc;

/// <summary>
/// One reader as `cardkit readers --json` lists it: {index, name, cardPresent, state, atr}, the ATR
/// null (written as null) when there is no card.
/// </summary>
/// <param name="Index">The reader's position in the list (what a reader designation "0", "1"... means).</param>
/// <param name="Name">The reader name.</param>
/// <param name="CardPresent">A card is in the reader.</param>
/// <param name="State">The state in words (<see cref="ReaderSnapshot.Description"/>).</param>
/// <param name="Atr">The card's ATR in spaced hex, or null without a card.</param>
public sealed record ReaderSummary(int Index, string Name, bool CardPresent, string State, string? Atr)
{
    /// <summary>The summary of <paramref name="reader"/>, listed at <paramref name="index"/>.</summary>
    public static ReaderSummary Of(int index, ReaderSnapshot reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ReaderSummary(index, reader.Name, reader.CardPresent, reader.Description, reader.CardPresent ? Hex.Format(reader.Atr) : null);
    }
}
