using CardKit.Sim;

namespace CardKit.Emulator.Tests;

/// <summary>In-process virtual SIMs and USIMs for the CardKit.Sim tests, with every command they receive recorded.</summary>
internal sealed class SimCards : IApduObserver, IDisposable
{
    private readonly EmulatedChannel _card;

    private SimCards(VirtualCard card, string? pin)
    {
        _card = new EmulatedChannel(card);
        Channel = new TracingChannel(_card, this, ownsInner: false);
        Sim = SimSession.Open(Channel, pin);
        Commands.Clear();
    }

    public ICardChannel Channel { get; }

    public SimSession Sim { get; }

    /// <summary>Every command APDU since the session was opened, as hex.</summary>
    public List<string> Commands { get; } = [];

    /// <summary>The commands that changed the card (UPDATE RECORD).</summary>
    public IEnumerable<string> Updates => Commands.Where(c => c.Length > 4 && c[3..5] == "DC");

    /// <summary>The built-in "sim" or "usim", PIN verified unless <paramref name="pin"/> is null.</summary>
    public static SimCards Open(string kind, string? pin = "1234") => new(VirtualCards.Create(kind), pin);

    /// <summary>A card from JSON (see CardKit.Testing.UsimVariants), PIN verified.</summary>
    public static SimCards Load(string json, string? pin = "1234")
    {
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return new SimCards(CardData.Load(data), pin);
    }

    public void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed) => Commands.Add(Hex.Format(command));

    public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed) => Commands.Add(Hex.Format(command));

    public void OnReset(string readerName, ReadOnlySpan<byte> atr)
    {
    }

    public void Dispose() => _card.Dispose();
}
