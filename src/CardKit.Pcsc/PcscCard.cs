using CardKit.Pcsc.Internal;

namespace CardKit.Pcsc;

/// <summary>
/// A connection to a card (or, with <see cref="ShareMode.Direct"/>, to a reader) through PC/SC.
/// Transmit hands the caller's spans straight to SCardTransmit: no copies, no allocation.
/// Belongs to the thread that owns its <see cref="PcscContext"/>.
/// </summary>
public sealed class PcscCard : ICardChannel, IReaderControl
{
    private readonly PcscContext _context;
    private readonly CardHandle _handle;
    private byte[] _atr = [];
    private PcscContext? _ownedContext;

    internal PcscCard(PcscContext context, CardHandle handle, string readerName, ShareMode shareMode, PcscProtocols activeProtocol)
    {
        _context = context;
        _handle = handle;
        ReaderName = readerName;
        ShareMode = shareMode;
        ActiveProtocol = activeProtocol;
        if (shareMode != ShareMode.Direct || activeProtocol != PcscProtocols.None)
            RefreshAtr();
    }

    /// <summary>Establishes a context of its own and connects; disposing the card releases both.</summary>
    public static PcscCard Open(string reader, ShareMode shareMode = ShareMode.Shared, PcscProtocols protocols = PcscProtocols.Any)
    {
        var context = PcscContext.Establish();
        try
        {
            var card = context.Connect(reader, shareMode, protocols);
            card._ownedContext = context;
            return card;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string ReaderName { get; }

    /// <summary>The share mode of the connection; changes on <see cref="Reconnect"/>.</summary>
    public ShareMode ShareMode { get; private set; }

    /// <summary>The protocol SCardConnect or SCardReconnect established; <see cref="PcscProtocols.None"/> on a direct connection with no card.</summary>
    public PcscProtocols ActiveProtocol { get; private set; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Atr => _atr;

    /// <inheritdoc />
    public CardProtocol Protocol => ActiveProtocol switch
    {
        PcscProtocols.T0 => CardProtocol.T0,
        PcscProtocols.T1 => CardProtocol.T1,
        PcscProtocols.Raw => CardProtocol.Raw,
        _ => CardProtocol.None,
    };

    private IPcscApi Api => _context.Api;

    private nint Handle => _handle.DangerousGetHandle();

    /// <inheritdoc />
    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var protocol = _context.NativeProtocols(ActiveProtocol);
        var rc = Api.Transmit(Handle, protocol, command, response, out var received);
        PcscContext.Check(rc, "SCardTransmit", ReaderName);
        if (received == 0 && !response.IsEmpty)
        {
            // A driver whose card vanished mid-exchange (vpcd when the card's socket closes) reports success with no bytes.
            throw new CardRemovedException($"The card in reader '{ReaderName}' returned an empty response (SCardTransmit succeeded with 0 bytes): " +
                "it was probably removed or is mute. Insert it again and repeat the command.", ReaderName, null);
        }
        return received;
    }

    /// <summary>Warm reset (SCardReconnect with SCARD_RESET_CARD); <see cref="Atr"/> is refreshed.</summary>
    public void Reset() => Reconnect(ShareMode, PcscProtocols.Any, Disposition.Reset);

    /// <summary>SCardReconnect: change share mode or protocol, optionally resetting or unpowering the card.</summary>
    public void Reconnect(ShareMode shareMode, PcscProtocols protocols, Disposition initialization)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var rc = Api.Reconnect(Handle, (uint)shareMode, _context.NativeProtocols(protocols), (uint)initialization, out var active);
        PcscContext.Check(rc, "SCardReconnect", ReaderName);
        ShareMode = shareMode;
        ActiveProtocol = _context.FromNative(active);
        RefreshAtr();
    }

    /// <summary>CM_IOCTL_GET_FEATURE_REQUEST, SCARD_CTL_CODE(3400) of this platform (PC/SC Part 10 v2.02).</summary>
    public uint FeatureRequestControlCode => Api.ControlCode(3400);

    /// <summary>SCardControl with a platform control code (see <see cref="PcscContext.ControlCode"/>).</summary>
    public int Control(uint controlCode, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var rc = Api.Control(Handle, controlCode, input, output, out var returned);
        PcscContext.Check(rc, "SCardControl", ReaderName);
        return returned;
    }

    /// <summary>SCardGetAttrib; throws when the reader does not support the attribute.</summary>
    public byte[] GetAttribute(uint attribute)
    {
        if (TryGetAttribute(attribute, out var value, out var error))
            return value;
        throw PcscException.Create(error, "SCardGetAttrib", ReaderName);
    }

    /// <summary>SCardGetAttrib; false with the SCARD code when the reader does not have the attribute.</summary>
    public bool TryGetAttribute(uint attribute, out byte[] value, out ScardError error)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        value = [];
        // pcsc-lite answers a length query (NULL buffer) for some attributes with
        // SCARD_E_INSUFFICIENT_BUFFER, so ask with a MAX_BUFFER_SIZE buffer and grow if told to.
        var buffer = new byte[264];
        error = (ScardError)Api.GetAttrib(Handle, attribute, buffer, out var length);
        if (error == ScardError.InsufficientBuffer && length > buffer.Length)
        {
            buffer = new byte[length];
            error = (ScardError)Api.GetAttrib(Handle, attribute, buffer, out length);
        }
        if (error != ScardError.Success)
            return false;
        value = buffer.AsSpan(0, Math.Min(length, buffer.Length)).ToArray();
        return true;
    }

    /// <summary>SCardStatus: reader name, card state, protocol, ATR.</summary>
    public CardStatus GetStatus()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        Span<byte> atr = stackalloc byte[64];
        var rc = Api.Status(Handle, out var reader, out var state, out var protocol, atr, out var atrLength);
        PcscContext.Check(rc, "SCardStatus", ReaderName);
        return new CardStatus(reader, Api.MapCardState(state), _context.FromNative(protocol), atr[..atrLength].ToArray());
    }

    /// <summary>
    /// SCardBeginTransaction: exclusive access for a sequence of APDUs (e.g. VERIFY then READ).
    /// Dispose the result to end it with <see cref="Disposition.Leave"/>.
    /// </summary>
    public CardTransaction BeginTransaction()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        PcscContext.Check(Api.BeginTransaction(Handle), "SCardBeginTransaction", ReaderName);
        return new CardTransaction(this);
    }

    internal void EndTransaction(Disposition disposition)
    {
        if (!_handle.IsClosed)
            PcscContext.Check(Api.EndTransaction(Handle, (uint)disposition), "SCardEndTransaction", ReaderName);
    }

    /// <summary>SCardDisconnect with <paramref name="disposition"/>.</summary>
    public void Disconnect(Disposition disposition)
    {
        _handle.Disposition = disposition;
        Dispose();
    }

    /// <summary>Disconnects leaving the card as it is (unless <see cref="Disconnect"/> chose otherwise).</summary>
    public void Dispose()
    {
        _handle.Dispose();
        _ownedContext?.Dispose();
    }

    private void RefreshAtr()
    {
        Span<byte> atr = stackalloc byte[64];
        var rc = Api.Status(Handle, out _, out _, out _, atr, out var length);
        _atr = rc == 0 ? atr[..length].ToArray() : [];
    }
}
