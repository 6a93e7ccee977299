using System.Text;
using CardKit.Emulator;
using CardKit.Testing;

namespace CardKit.Pcsc.Tests;

/// <summary>Many threads, each with its own context, on two readers at once: no deadlock, no cross-talk.</summary>
[Collection("Reader B")]
public class ConcurrencyTests
{
    private static CardKit.Emulator.FileSystem.FileSystemCard CardWithPattern(byte seed)
    {
        // A 256-byte transparent EF whose byte at offset o is (o ^ seed): every READ BINARY answer
        // tells which card and which offset it belongs to.
        var data = Hex.Format(Enumerable.Range(0, 256).Select(o => (byte)(o ^ seed)).ToArray(), '\0');
        var json = $$"""
            { "kind": "iso", "atr": "3B 02 14 {{seed:X2}}",
              "files": [ { "path": "3F00/0100", "type": "transparent", "data": "{{data}}", "sfi": 1 } ] }
            """;
        return CardData.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }

    [Fact(Timeout = 120_000)]
    public async Task Four_threads_on_two_readers_get_only_their_own_answers()
    {
        const int ApdusPerReader = 10_000;
        var readers = VirtualReaders.Pcsc;
        using var first = await InsertedCard.InsertAsync(CardWithPattern(0x5A), readers[0], TestContext.Current.CancellationToken);
        using var second = await InsertedCard.InsertAsync(CardWithPattern(0xA5), readers[1], TestContext.Current.CancellationToken);
        // READ BINARY by short EF identifier (P1 = 81): every command names its file, so no thread
        // depends on a "current file" another thread (or a power cycle by pcscd) could change.

        var threads = Enumerable.Range(0, 4).Select(t => Task.Factory.StartNew(() =>
        {
            using var context = PcscContext.Establish();
            using var a = context.Connect(readers[0].Name);
            using var b = context.Connect(readers[1].Name);
            var command = new byte[] { 0x00, 0xB0, 0x81, 0x00, 0x01 };
            var response = new byte[3];
            for (var i = 0; i < ApdusPerReader; i++)
            {
                var offset = (byte)(i + t * 31);
                command[3] = offset;
                foreach (var (card, seed) in new[] { (a, (byte)0x5A), (b, (byte)0xA5) })
                {
                    var length = card.Transmit(command, response);
                    if (length != 3 || response[0] != (byte)(offset ^ seed) || response[1] != 0x90)
                        throw new InvalidOperationException($"thread {t}, APDU {i}: {Hex.Format(response.AsSpan(0, length))} for offset {offset:X2} on card {seed:X2}");
                }
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(threads);
        Assert.True(first.Client.ApduCount >= 4 * ApdusPerReader);
        Assert.True(second.Client.ApduCount >= 4 * ApdusPerReader);
    }
}
