using CardKit.Pcsc.Internal;

namespace CardKit.Pcsc;

/// <summary>
/// A PC/SC resource manager context (SCardEstablishContext). Use one context per thread: PC/SC
/// serialises calls on a context, so a context shared with a thread blocked in
/// <see cref="GetStatusChange"/> stalls every other call (the javax.smartcardio deadlock).
/// <see cref="Cancel"/> is the one call meant to come from another thread.
/// </summary>
public sealed class PcscContext : IDisposable
{
    /// <summary>The PnP pseudo reader: SCardGetStatusChange reports reader arrival and removal on it.</summary>
    public const string PnpNotificationReader = @"\\?PnP?\Notification";

    /// <summary>SCardGetStatusChange's INFINITE timeout.</summary>
    public static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    private readonly ContextHandle _handle;

    private PcscContext(IPcscApi api, ContextHandle handle)
    {
        Api = api;
        _handle = handle;
    }

    internal IPcscApi Api { get; }

    internal nint Handle => _handle.DangerousGetHandle();

    /// <summary>Connects to the PC/SC service (SCARD_SCOPE_SYSTEM).</summary>
    /// <exception cref="PcscServiceException">pcscd is not running or speaks another protocol version.</exception>
    public static PcscContext Establish() => Establish(PcscApi.Current);

    internal static PcscContext Establish(IPcscApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const uint scopeSystem = 2;
        uint rc;
        nint context;
        try
        {
            rc = api.EstablishContext(scopeSystem, out context);
        }
        catch (DllNotFoundException e)
        {
            throw new PcscServiceException(ScardError.NoService, "SCardEstablishContext",
                "The PC/SC client library is missing (" + e.Message + "). Debian/Ubuntu: `apt-get install libpcsclite1 pcscd`.", null);
        }
        Check(rc, "SCardEstablishContext");
        return new PcscContext(api, new ContextHandle(api, context));
    }

    /// <summary>True while pcscd still knows this context (SCardIsValidContext).</summary>
    public bool IsValid => !_handle.IsClosed && Api.IsValidContext(Handle) == 0;

    /// <summary>The reader names; empty when there is none (SCARD_E_NO_READERS_AVAILABLE is not an error here).</summary>
    public IReadOnlyList<string> ListReaders()
    {
        var rc = Api.ListReaders(Handle, out var readers);
        if ((ScardError)rc == ScardError.NoReadersAvailable)
            return [];
        Check(rc, "SCardListReaders");
        return readers;
    }

    /// <summary>Connects to the card in <paramref name="reader"/> (or to the reader itself with <see cref="ShareMode.Direct"/>).</summary>
    public PcscCard Connect(string reader, ShareMode shareMode = ShareMode.Shared, PcscProtocols protocols = PcscProtocols.Any)
    {
        ArgumentException.ThrowIfNullOrEmpty(reader);
        var native = NativeProtocols(protocols);
        var rc = Api.Connect(Handle, reader, (uint)shareMode, native, out var card, out var active);
        Check(rc, "SCardConnect", reader);
        return new PcscCard(this, new CardHandle(Api, card), reader, shareMode, FromNative(active));
    }

    /// <summary>The current state of every reader (SCardGetStatusChange with a zero timeout).</summary>
    public IReadOnlyList<ReaderSnapshot> GetReaderStates()
    {
        var names = ListReaders();
        if (names.Count == 0)
            return [];
        var watches = names.Select(n => new ReaderWatch(n)).ToArray();
        GetStatusChange(watches, TimeSpan.Zero);
        return watches.Select(w => new ReaderSnapshot(w.Name, w.EventState & ~ReaderStates.Changed & (ReaderStates)0xFFFF, w.Atr)).ToArray();
    }

    /// <summary>
    /// Waits until a reader's state differs from its <see cref="ReaderWatch.CurrentState"/> or the
    /// timeout passes; fills <see cref="ReaderWatch.EventState"/> and ATR. Returns false on timeout.
    /// </summary>
    public bool GetStatusChange(IList<ReaderWatch> readers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var states = new ReaderStatus[readers.Count];
        for (var i = 0; i < states.Length; i++)
            states[i] = new ReaderStatus { Name = readers[i].Name, CurrentState = readers[i].CurrentStateRaw, Atr = [] };
        var milliseconds = timeout == Infinite ? uint.MaxValue : (uint)Math.Clamp(timeout.TotalMilliseconds, 0, uint.MaxValue - 1);
        var rc = Api.GetStatusChange(Handle, milliseconds, states);
        if ((ScardError)rc == ScardError.Timeout)
            return false;
        Check(rc, "SCardGetStatusChange");
        for (var i = 0; i < states.Length; i++)
        {
            readers[i].EventStateRaw = states[i].EventState;
            readers[i].Atr = states[i].Atr;
        }
        return true;
    }

    /// <summary>Ends a <see cref="GetStatusChange"/> blocked on this context in another thread.</summary>
    public void Cancel() => Check(Api.Cancel(Handle), "SCardCancel");

    /// <summary>SCARD_CTL_CODE of the platform for a reader control function (PC/SC part 10: 3400 = GET_FEATURE_REQUEST).</summary>
    public static uint ControlCode(uint function) => PcscApi.Current.ControlCode(function);

    /// <summary>Releases the context (SCardReleaseContext).</summary>
    public void Dispose() => _handle.Dispose();

    internal uint NativeProtocols(PcscProtocols protocols)
    {
        var native = (uint)(protocols & PcscProtocols.Any);
        if ((protocols & PcscProtocols.Raw) != 0) // not HasFlag: it boxes in unoptimised (tier 0) code
            native |= Api.ProtocolRaw;
        return native;
    }

    internal PcscProtocols FromNative(uint protocol)
    {
        var result = (PcscProtocols)(protocol & 3);
        if ((protocol & Api.ProtocolRaw) != 0)
            result |= PcscProtocols.Raw;
        return result;
    }

    internal static void Check(uint rc, string operation, string? reader = null)
    {
        if (rc != 0)
            throw PcscException.Create((ScardError)rc, operation, reader);
    }
}
