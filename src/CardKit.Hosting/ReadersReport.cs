using CardKit.Pcsc;

namespace CardKit.Hosting;

/// <summary>
/// What `cardkit readers --json` prints: the PC/SC readers with their state and ATR, and the built-in
/// virtual cards a reader designation can name. {readers: [{index, name, cardPresent, state, atr}], virtualCards: []}.
/// </summary>
/// <param name="Readers">The PC/SC readers, in pcscd's order.</param>
/// <param name="VirtualCards">The designations of the built-in virtual cards ("emu:sim", ...).</param>
public sealed record ReadersReport(IReadOnlyList<ReaderSummary> Readers, IReadOnlyList<string> VirtualCards)
{
    /// <summary>The report on <paramref name="readers"/> (from <see cref="PcscContext.GetReaderStates"/>).</summary>
    public static ReadersReport Of(IReadOnlyList<ReaderSnapshot> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        return new ReadersReport([.. readers.Select((r, i) => ReaderSummary.Of(i, r))], CardReaders.VirtualCardDesignations);
    }
}
