using System.Buffers.Binary;
using System.Net.Sockets;

namespace CardKit.Testing;

/// <summary>
/// A stand-in for a pcscd of another pcsc-lite release, on a Unix socket of its own: it answers the
/// first message of the client/daemon protocol, CMD_VERSION (pcsc-lite winscard_msg.h: header
/// {uint32 size, uint32 command 0x11} + {int32 major, int32 minor, uint32 rv}, host byte order), with
/// its own version and SCARD_E_SERVICE_STOPPED, as pcscd's winscard_svc.c does for a version it does
/// not accept. Point PCSCLITE_CSOCK_NAME at <see cref="SocketPath"/>.
/// </summary>
public sealed class FakePcscd : IDisposable
{
    public const uint ServiceStopped = 0x8010001E;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TempPath _directory = TempPath.Directory();

    public FakePcscd(int major, int minor)
    {
        Major = major;
        Minor = minor;
        SocketPath = _directory.Combine("pcscd.comm");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string SocketPath { get; }

    public int Major { get; }

    public int Minor { get; }

    /// <summary>The client versions received, "4:4".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Offered { get; } = new();

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(Socket client)
    {
        using (client)
        {
            try
            {
                var request = new byte[20];
                var read = 0;
                while (read < request.Length)
                {
                    var n = await client.ReceiveAsync(request.AsMemory(read), SocketFlags.None, _stop.Token);
                    if (n == 0)
                        return;
                    read += n;
                }
                if (BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(4)) != 0x11)
                    return;
                Offered.Enqueue($"{BinaryPrimitives.ReadInt32LittleEndian(request.AsSpan(8))}:{BinaryPrimitives.ReadInt32LittleEndian(request.AsSpan(12))}");
                var answer = new byte[12];
                BinaryPrimitives.WriteInt32LittleEndian(answer, Major);
                BinaryPrimitives.WriteInt32LittleEndian(answer.AsSpan(4), Minor);
                BinaryPrimitives.WriteUInt32LittleEndian(answer.AsSpan(8), ServiceStopped);
                await client.SendAsync(answer, SocketFlags.None, _stop.Token);
                // Like pcscd, wait for the client to hang up.
                while (await client.ReceiveAsync(request, SocketFlags.None, _stop.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // the test ended or the client went away
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopped
        }
        _stop.Dispose();
        _directory.Dispose();
    }
}
