namespace CardKit.Pcsc;

/// <summary>An open PC/SC transaction; <see cref="Dispose"/> ends it leaving the card as is.</summary>
public sealed class CardTransaction : IDisposable
{
    private PcscCard? _card;

    internal CardTransaction(PcscCard card) => _card = card;

    /// <summary>Ends the transaction with a disposition other than leave (e.g. reset to drop a verified PIN).</summary>
    public void End(Disposition disposition)
    {
        var card = Interlocked.Exchange(ref _card, null);
        card?.EndTransaction(disposition);
    }

    /// <summary>Ends the transaction and leaves the card as it is (<see cref="Disposition.Leave"/>); a second call does nothing.</summary>
    public void Dispose() => End(Disposition.Leave);
}
