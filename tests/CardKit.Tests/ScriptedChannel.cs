namespace CardKit.Tests;

/// <summary>A channel that answers a fixed list of exchanges in order and checks each command (a fake below the ICardChannel seam).</summary>
internal sealed class ScriptedChannel(params (string Command, string Response)[] exchanges) : ICardChannel
{
    private int _next;

    public List<string> Sent { get; } = [];

    public string ReaderName => "scripted";

    public ReadOnlyMemory<byte> Atr => new byte[] { 0x3B, 0x00 };

    public CardProtocol Protocol => CardProtocol.T0;

    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        Sent.Add(Hex.Format(command));
        var (expected, answer) = exchanges[_next++];
        Assert.Equal(expected, Hex.Format(command));
        var bytes = Hex.Parse(answer);
        bytes.CopyTo(response);
        return bytes.Length;
    }

    public int Resets { get; private set; }

    public void Reset() => Resets++;

    public void Dispose()
    {
    }
}
