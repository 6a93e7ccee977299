using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CardKit.Pcsc.Internal;

namespace CardKit.Pcsc;

/// <summary>
/// Watches readers and cards with SCardGetStatusChange on its own thread and context, including
/// the PnP pseudo reader for reader arrival/removal. It survives pcscd restarts (ServiceLost,
/// then ServiceRestored and fresh state). Events are pulled with <see cref="WatchAsync"/>, so
/// an exception in the caller's loop body surfaces in the caller, never swallowed by a thread;
/// an unexpected PC/SC error ends the enumeration with that exception.
/// </summary>
public sealed class ReaderMonitor
{
    private readonly IPcscApi _api;

    /// <summary>A monitor on this platform's PC/SC service.</summary>
    public ReaderMonitor()
        : this(PcscApi.Current)
    {
    }

    internal ReaderMonitor(IPcscApi api) => _api = api;

    /// <summary>How long to wait before trying to reach pcscd again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The current state first (ReaderAdded and CardInserted for each reader/card present), then
    /// every change until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<ReaderEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ReaderEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = new MonitorLoop(_api, channel.Writer, RetryDelay, stop.Token);
        var thread = new Thread(loop.Run) { IsBackground = true, Name = "CardKit reader monitor" };
        thread.Start();
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return e;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            loop.CancelWait();
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private sealed class MonitorLoop(IPcscApi api, ChannelWriter<ReaderEvent> events, TimeSpan retryDelay, CancellationToken stop)
    {
        private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(5);

        /// <summary>How often readers are listed again when the PnP pseudo reader cannot be watched.</summary>
        private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(1);

        /// <summary>
        /// pcsc-lite takes at most PCSCLITE_MAX_READERS_CONTEXTS (16) reader states per
        /// SCardGetStatusChange, the PnP pseudo reader included, and refuses more with
        /// SCARD_E_INVALID_PARAMETER.
        /// </summary>
        internal const int MaxReaderStates = 16;

        private int _maxStates = MaxReaderStates;
        private readonly Dictionary<string, ReaderWatch> _readers = new(StringComparer.Ordinal);
        private readonly Lock _contextLock = new();
        private PcscContext? _context;
        private bool _serviceLost;
        private int? _pnpCount;

        public void Run()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!EnsureContext())
                    {
                        stop.WaitHandle.WaitOne(retryDelay);
                        continue;
                    }
                    try
                    {
                        Poll();
                    }
                    catch (PcscException e) when (IsServiceGone(e.Error))
                    {
                        LoseService(e.ErrorName);
                    }
                }
                events.TryComplete();
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // An unexpected failure ends the enumeration with it: the consumer sees it.
                events.TryComplete(e);
            }
            catch (PcscException)
            {
                // Stopping: SCardCancel or a torn-down context makes the last call fail; that is the stop.
                events.TryComplete();
            }
            finally
            {
                ReplaceContext(null);
            }
        }

        /// <summary>SCardCancel from the consumer's thread: the one cross-thread call PC/SC allows.</summary>
        public void CancelWait()
        {
            lock (_contextLock)
            {
                if (_context is not null)
                    api.Cancel(_context.Handle);
            }
        }

        private static bool IsServiceGone(ScardError error) => error is ScardError.NoService or ScardError.ServiceStopped
            or ScardError.CommError or ScardError.InvalidHandle or ScardError.Shutdown or ScardError.CommDataLost
            or ScardError.UnknownError or ScardError.InternalError;

        private bool EnsureContext()
        {
            if (_context is not null)
                return true;
            try
            {
                ReplaceContext(PcscContext.Establish(api));
            }
            catch (PcscException e) when (IsServiceGone(e.Error))
            {
                if (!_serviceLost)
                    LoseService(e.ErrorName);
                return false;
            }
            if (_serviceLost)
            {
                _serviceLost = false;
                Emit(ReaderEventKind.ServiceRestored, null, []);
            }
            return true;
        }

        private void LoseService(string why)
        {
            ReplaceContext(null);
            foreach (var watch in _readers.Values)
            {
                if (watch.CurrentState.HasFlag(ReaderStates.Present))
                    Emit(ReaderEventKind.CardRemoved, watch.Name, []);
                Emit(ReaderEventKind.ReaderRemoved, watch.Name, []);
            }
            _readers.Clear();
            _serviceLost = true;
            Emit(ReaderEventKind.ServiceLost, null, [], why);
        }

        private void ReplaceContext(PcscContext? context)
        {
            lock (_contextLock)
            {
                _context?.Dispose();
                _context = context;
            }
        }

        private void Poll()
        {
            var context = _context!;
            SyncReaderList(context.ListReaders());
            var readers = new List<ReaderWatch>(_readers.Values);
            if (readers.Count + 1 > _maxStates)
            {
                PollWithoutPnp(context, readers);
                return;
            }
            var watches = new List<ReaderWatch>(readers);
            var pnp = new ReaderWatch(PcscContext.PnpNotificationReader);
            watches.Add(pnp);
            if (_pnpCount is { } count)
                pnp.CurrentStateRawForPnp(count);
            bool changed;
            try
            {
                changed = context.GetStatusChange(watches, PollTimeout);
            }
            catch (PcscException e) when (e.Error is ScardError.InvalidParameter or ScardError.InvalidValue)
            {
                // A service with a lower limit than pcsc-lite's: watch one state fewer from now on.
                _maxStates = watches.Count - 1;
                return;
            }
            catch (PcscException e) when (e.Error is ScardError.Cancelled or ScardError.UnknownReader or ScardError.ReaderUnavailable)
            {
                return;
            }
            _pnpCount = pnp.EventCount;
            if (!changed)
                return;
            foreach (var watch in _readers.Values)
                Report(watch);
        }

        /// <summary>
        /// More readers than one SCardGetStatusChange may watch with the PnP pseudo reader: watch the
        /// readers alone, in groups when even they are too many, and notice readers coming and going
        /// by listing them again every <see cref="FallbackPollInterval"/>.
        /// </summary>
        private void PollWithoutPnp(PcscContext context, List<ReaderWatch> readers)
        {
            try
            {
                if (readers.Count <= _maxStates)
                {
                    if (!context.GetStatusChange(readers, FallbackPollInterval))
                        return;
                }
                else
                {
                    for (var i = 0; i < readers.Count; i += _maxStates)
                        context.GetStatusChange(readers.GetRange(i, Math.Min(_maxStates, readers.Count - i)), TimeSpan.Zero);
                    stop.WaitHandle.WaitOne(FallbackPollInterval);
                }
            }
            catch (PcscException e) when (e.Error is ScardError.InvalidParameter or ScardError.InvalidValue && _maxStates > 1)
            {
                _maxStates--;
                return;
            }
            catch (PcscException e) when (e.Error is ScardError.Cancelled or ScardError.UnknownReader or ScardError.ReaderUnavailable)
            {
                return;
            }
            foreach (var watch in readers)
                Report(watch);
        }

        private void SyncReaderList(IReadOnlyList<string> names)
        {
            foreach (var gone in _readers.Keys.Where(k => !names.Contains(k)).ToList())
            {
                if (_readers[gone].CurrentState.HasFlag(ReaderStates.Present))
                    Emit(ReaderEventKind.CardRemoved, gone, []);
                _readers.Remove(gone);
                Emit(ReaderEventKind.ReaderRemoved, gone, []);
            }
            foreach (var name in names.Where(n => !_readers.ContainsKey(n)))
            {
                var watch = new ReaderWatch(name);
                _readers.Add(name, watch);
                Emit(ReaderEventKind.ReaderAdded, name, []);
                _context!.GetStatusChange([watch], TimeSpan.Zero);
                watch.Acknowledge();
                if (Present(watch.CurrentState))
                    Emit(ReaderEventKind.CardInserted, name, watch.Atr);
            }
        }

        private void Report(ReaderWatch watch)
        {
            var before = watch.CurrentState;
            var beforeCount = watch.CurrentStateRawCount;
            watch.Acknowledge();
            var after = watch.CurrentState;
            // The event counter (upper 16 bits) moves on every insertion/removal: a card swapped
            // between two polls shows as a count change with "present" both times.
            var swapped = Present(before) && Present(after) && beforeCount != 0 && watch.EventCount - beforeCount >= 2;
            if (Present(before) && (!Present(after) || swapped))
                Emit(ReaderEventKind.CardRemoved, watch.Name, []);
            if ((!Present(before) || swapped) && Present(after))
                Emit(ReaderEventKind.CardInserted, watch.Name, watch.Atr);
        }

        private static bool Present(ReaderStates state) => state.HasFlag(ReaderStates.Present) && !state.HasFlag(ReaderStates.Mute);

        private void Emit(ReaderEventKind kind, string? reader, byte[] atr, string? detail = null) =>
            events.TryWrite(new ReaderEvent(kind, reader, atr, DateTimeOffset.Now, detail));
    }
}
