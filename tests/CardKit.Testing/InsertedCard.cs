using CardKit.Emulator;
using CardKit.Pcsc;

namespace CardKit.Testing;

/// <summary>
/// A virtual card plugged into the real pcscd through vpcd for one test: started, waited for
/// until pcscd reports it present, and pulled out (and waited for) on dispose.
/// </summary>
public sealed class InsertedCard : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private InsertedCard(VpcdClient client, VirtualReader reader)
    {
        Client = client;
        Reader = reader;
    }

    public VpcdClient Client { get; }

    public VirtualReader Reader { get; }

    public VirtualCard Card => Client.Card;

    public static async Task<InsertedCard> InsertAsync(VirtualCard card, VirtualReader reader, CancellationToken cancellationToken)
    {
        Pcscd.EnsureRunning();
        var client = new VpcdClient(card, port: reader.Port).Start();
        try
        {
            await client.WaitConnectedAsync(Patience, cancellationToken);
            WaitForState(reader.Name, present: true, cancellationToken);
            return new InsertedCard(client, reader);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Blocks until pcscd reports the reader with or without a card.</summary>
    public static void WaitForState(string readerName, bool present, CancellationToken cancellationToken)
    {
        using var context = PcscContext.Establish();
        var watch = new ReaderWatch(readerName);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.GetStatusChange([watch], TimeSpan.FromMilliseconds(250));
            var isPresent = watch.EventState.HasFlag(ReaderStates.Present);
            if (isPresent == present)
                return;
            watch.Acknowledge();
        }
        throw new TimeoutException($"pcscd did not report '{readerName}' {(present ? "with" : "without")} a card within {Patience.TotalSeconds} s");
    }

    public void Dispose()
    {
        Client.Dispose();
        WaitForState(Reader.Name, present: false, CancellationToken.None);
    }
}
