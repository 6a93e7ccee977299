using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CardKit.Emulator;

/// <summary>
/// Plugs a <see cref="VirtualCard"/> into pcscd through vsmartcard's vpcd reader driver: pcscd's
/// vpcd listens on TCP (35963 for "Virtual PCD 00 00", 35964 for "... 00 01"), the card connects
/// as a client and answers. Connecting means "card inserted"; closing means "card removed".
/// When pcscd goes away the client reconnects until it is stopped.
/// </summary>
/// <remarks>
/// vpcd wire format (vsmartcard vpcd/vpcd.c): every message is a 2-byte big-endian length then the
/// payload. One-byte payloads are control: 00 power off, 01 power on, 02 reset (no reply), 04 get
/// ATR (reply: the ATR). Longer payloads are C-APDUs; the reply is the R-APDU.
/// </remarks>
public sealed class VpcdClient : IDisposable
{
    /// <summary>vpcd's first port ("Virtual PCD 00 00").</summary>
    public const int DefaultPort = 35963;

    private const byte PowerOff = 0x00;
    private const byte PowerOn = 0x01;
    private const byte Reset = 0x02;
    private const byte GetAtr = 0x04;

    // Linux <netinet/tcp.h>: TCP_QUICKACK. Debian 12's vpcd writes the length and the APDU in two
    // send() calls; without quick ACKs each APDU waits ~40 ms for a delayed ACK against Nagle.
    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;

    private readonly VirtualCard _card;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Thread? _thread;
    private Socket? _socket;
    private VpcdState _state = VpcdState.Connecting;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A client that will plug <paramref name="card"/> into the vpcd reader at <paramref name="host"/>:<paramref name="port"/>
    /// once started; connections, losses and card failures go to <paramref name="logger"/>.
    /// </summary>
    public VpcdClient(VirtualCard card, string host = "127.0.0.1", int port = DefaultPort, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _card = card;
        Host = host;
        Port = port;
        _log = logger ?? NullLogger.Instance;
    }

    /// <summary>The host vpcd listens on.</summary>
    public string Host { get; }

    /// <summary>The vpcd port: 35963 is "Virtual PCD 00 00", 35964 "... 00 01".</summary>
    public int Port { get; }

    /// <summary>The card served.</summary>
    public VirtualCard Card => _card;

    /// <summary>Time between connection attempts while vpcd is not reachable.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where the client is in its life.</summary>
    public VpcdState State
    {
        get
        {
            lock (_gate)
                return _state;
        }
    }

    /// <summary>Number of APDUs answered since start.</summary>
    public long ApduCount => Interlocked.Read(ref _apduCount);
    private long _apduCount;

    /// <summary>Completes the first time the client is connected to vpcd.</summary>
    public Task FirstConnection => _connected.Task;

    /// <summary>Completes when the client has stopped for good.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Starts serving on a background thread; returns at once.</summary>
    public VpcdClient Start()
    {
        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("The client is already started.");
            _thread = new Thread(Run) { IsBackground = true, Name = $"vpcd {Host}:{Port}" };
            _thread.Start();
        }
        return this;
    }

    /// <summary>Waits until connected.</summary>
    /// <exception cref="VpcdUnreachableException">Not connected within <paramref name="timeout"/>.</exception>
    public async Task WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _connected.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new VpcdUnreachableException(Host, Port, timeout);
        }
    }

    /// <summary>Removes the card: closes the connection and stops for good.</summary>
    public void Disconnect() => Dispose();

    /// <summary>Removes the card and stops for good (see <see cref="Disconnect"/>).</summary>
    public void Dispose()
    {
        Socket? socket;
        Thread? thread;
        lock (_gate)
        {
            if (_state == VpcdState.Stopped)
                return;
            _state = VpcdState.Stopped;
            socket = _socket;
            thread = _thread;
        }
        _stop.Cancel();
        socket?.Dispose();
        if (thread is not null && thread != Thread.CurrentThread)
            thread.Join(TimeSpan.FromSeconds(5));
        _stopped.TrySetResult();
        _stop.Dispose();
    }

    private void Run()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = TryConnect();
                if (socket is null)
                {
                    _stop.Token.WaitHandle.WaitOne(RetryInterval);
                    continue;
                }
                using (socket)
                {
                    Serve(socket);
                }
                lock (_gate)
                {
                    _socket = null;
                    if (_state == VpcdState.Connected)
                        _state = VpcdState.Connecting;
                }
                _card.PowerOff();
                if (!_stop.IsCancellationRequested)
                    VpcdLog.Reconnecting(_log, Host, Port);
            }
        }
        catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private Socket? TryConnect()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(Host, Port);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
        lock (_gate)
        {
            if (_state == VpcdState.Stopped)
            {
                socket.Dispose();
                return null;
            }
            _socket = socket;
            _state = VpcdState.Connected;
        }
        VpcdLog.Connected(_log, Host, Port, _card.Kind);
        _connected.TrySetResult();
        return socket;
    }

    private void Serve(Socket socket)
    {
        var request = new byte[2 + 65536 + 8];
        var reply = new byte[2 + ICardChannel.MaxExtendedResponse];
        try
        {
            while (true)
            {
                if (!ReceiveExactly(socket, request.AsSpan(0, 2)))
                    return;
                var length = BinaryPrimitives.ReadUInt16BigEndian(request);
                if (!ReceiveExactly(socket, request.AsSpan(2, length)))
                    return;
                var payload = request.AsSpan(2, length);
                int replyLength;
                if (length == 1)
                {
                    replyLength = Control(payload[0], reply.AsSpan(2));
                    if (replyLength < 0)
                        continue;
                }
                else
                {
                    replyLength = Answer(payload, reply.AsSpan(2));
                    Interlocked.Increment(ref _apduCount);
                }
                BinaryPrimitives.WriteUInt16BigEndian(reply, (ushort)replyLength);
                SendAll(socket, reply.AsSpan(0, 2 + replyLength));
            }
        }
        catch (SocketException e) when (!_stop.IsCancellationRequested)
        {
            VpcdLog.ConnectionLost(_log, Host, Port, e.Message);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException && _stop.IsCancellationRequested)
        {
        }
    }

    /// <returns>Reply length, or -1 when the control message has no reply.</returns>
    private int Control(byte code, Span<byte> reply)
    {
        switch (code)
        {
            case PowerOff:
                _card.PowerOff();
                return -1;
            case PowerOn:
                _card.PowerOn();
                return -1;
            case Reset:
                _card.Reset();
                return -1;
            case GetAtr:
                _card.Atr.Span.CopyTo(reply);
                return _card.Atr.Length;
            default:
                VpcdLog.UnknownControl(_log, Host, Port, code);
                return -1;
        }
    }

    private int Answer(ReadOnlySpan<byte> command, Span<byte> reply)
    {
        try
        {
            return _card.Process(command, reply);
        }
#pragma warning disable CA1031 // A bug in card logic must not look like a card removal to pcscd.
        catch (Exception e)
#pragma warning restore CA1031
        {
            VpcdLog.CardFailed(_log, Host, Port, Hex.Format(command), e);
            reply[0] = 0x6F; // ISO/IEC 7816-4:2020 §5.6: no precise diagnosis
            reply[1] = 0x00;
            return 2;
        }
    }

    private static bool ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (OperatingSystem.IsLinux())
                socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, [1, 0, 0, 0]);
            var n = socket.Receive(buffer, SocketFlags.None);
            if (n == 0)
                return false;
            buffer = buffer[n..];
        }
        return true;
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
            data = data[socket.Send(data, SocketFlags.None)..];
    }
}
