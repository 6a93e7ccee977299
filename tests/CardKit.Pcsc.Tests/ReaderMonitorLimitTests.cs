using CardKit.Pcsc.Internal;

namespace CardKit.Pcsc.Tests;

/// <summary>
/// The monitor against a PC/SC API that behaves like pcsc-lite at its limit: at most 16 reader
/// states per SCardGetStatusChange (PnP included), SCARD_E_INVALID_PARAMETER beyond. A fake below
/// the native seam: the real pcscd here serves 14 readers, too few to reach the limit.
/// </summary>
public class ReaderMonitorLimitTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(40)]
    public async Task Every_reader_is_watched_and_a_card_is_seen_whatever_the_number_of_readers(int readers)
    {
        var api = new LimitedPcscApi(readers);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var events = new ReaderMonitor(api).WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var added = new HashSet<string>();
        while (added.Count < readers)
            added.Add((await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.ReaderAdded)).ReaderName!);
        var last = api.Names[^1];
        api.Insert(last, [0x3B, 0x00]);
        var inserted = await ReaderMonitorTests.Until(events, e => e.Kind == ReaderEventKind.CardInserted);
        Assert.Equal(last, inserted.ReaderName);
        Assert.Equal([0x3B, 0x00], inserted.Atr);
        await cts.CancelAsync();
        await events.DisposeAsync();
        Assert.InRange(api.MostStatesAsked, 1, LimitedPcscApi.MaxStates);
        Assert.Equal(0, api.Refused);
        // Below the limit the PnP pseudo reader is watched too; at it, readers are listed again instead.
        Assert.Equal(readers < LimitedPcscApi.MaxStates, api.PnpWatched);
    }

    private sealed class LimitedPcscApi : IPcscApi
    {
        public const int MaxStates = 16;
        private const uint Success = 0;
        private readonly object _gate = new();
        private readonly Dictionary<string, (uint State, int Count, byte[] Atr)> _readers = [];
        private bool _cancelled;

        public LimitedPcscApi(int readers)
        {
            Names = [.. Enumerable.Range(0, readers).Select(i => $"Limited Reader {i:00}")];
            foreach (var name in Names)
                _readers[name] = ((uint)ReaderStates.Empty, 0, []);
        }

        public string[] Names { get; }

        public int MostStatesAsked { get; private set; }

        public int Refused { get; private set; }

        public bool PnpWatched { get; private set; }

        public uint ProtocolRaw => 4;

        public int MaxAtrSize => 33;

        public void Insert(string reader, byte[] atr)
        {
            lock (_gate)
            {
                var (_, count, _) = _readers[reader];
                _readers[reader] = ((uint)ReaderStates.Present, count + 1, atr);
                Monitor.PulseAll(_gate);
            }
        }

        public uint GetStatusChange(nint context, uint timeoutMilliseconds, Span<ReaderStatus> readers)
        {
            lock (_gate)
            {
                MostStatesAsked = Math.Max(MostStatesAsked, readers.Length);
                if (readers.Length > MaxStates)
                {
                    Refused++;
                    return (uint)ScardError.InvalidParameter;
                }
                var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds == uint.MaxValue ? int.MaxValue : timeoutMilliseconds);
                while (true)
                {
                    var changed = false;
                    for (var i = 0; i < readers.Length; i++)
                    {
                        uint now;
                        byte[] atr = [];
                        if (readers[i].Name == PcscContext.PnpNotificationReader)
                        {
                            PnpWatched = true;
                            now = (uint)_readers.Count << 16;
                        }
                        else
                        {
                            var (state, count, readerAtr) = _readers[readers[i].Name];
                            (now, atr) = (state | ((uint)count << 16), readerAtr);
                        }
                        readers[i].Atr = atr;
                        if (readers[i].CurrentState != now)
                        {
                            readers[i].EventState = now | (uint)ReaderStates.Changed;
                            changed = true;
                        }
                        else
                        {
                            readers[i].EventState = now;
                        }
                    }
                    if (changed)
                        return Success;
                    if (_cancelled)
                    {
                        _cancelled = false;
                        return (uint)ScardError.Cancelled;
                    }
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                        return (uint)ScardError.Timeout;
                }
            }
        }

        public uint Cancel(nint context)
        {
            lock (_gate)
            {
                _cancelled = true;
                Monitor.PulseAll(_gate);
            }
            return Success;
        }

        public uint EstablishContext(uint scope, out nint context)
        {
            context = 1;
            return Success;
        }

        public uint ReleaseContext(nint context) => Success;

        public uint IsValidContext(nint context) => Success;

        public uint ListReaders(nint context, out string[] readers)
        {
            readers = Names;
            return Success;
        }

        public uint ControlCode(uint function) => throw new NotSupportedException();

        public CardStates MapCardState(uint nativeState) => throw new NotSupportedException();

        public uint Connect(nint context, string reader, uint shareMode, uint protocols, out nint card, out uint activeProtocol) => throw new NotSupportedException();

        public uint Reconnect(nint card, uint shareMode, uint protocols, uint initialization, out uint activeProtocol) => throw new NotSupportedException();

        public uint Disconnect(nint card, uint disposition) => throw new NotSupportedException();

        public uint BeginTransaction(nint card) => throw new NotSupportedException();

        public uint EndTransaction(nint card, uint disposition) => throw new NotSupportedException();

        public uint Status(nint card, out string readerName, out uint state, out uint protocol, Span<byte> atr, out int atrLength) => throw new NotSupportedException();

        public uint Transmit(nint card, uint protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received) => throw new NotSupportedException();

        public uint Control(nint card, uint controlCode, ReadOnlySpan<byte> input, Span<byte> output, out int returned) => throw new NotSupportedException();

        public uint GetAttrib(nint card, uint attribute, Span<byte> buffer, out int length) => throw new NotSupportedException();
    }
}
