using System.Buffers.Binary;
using System.Net.Sockets;

namespace CardKit.Hosting.Doctor;

/// <summary>How the daemon's socket answered the CMD_VERSION exchange.</summary>
internal enum ProbeOutcome
{
    /// <summary>The daemon answered with its protocol version and a return code.</summary>
    Answered,

    /// <summary>No file at the socket path: nothing serves it (SCARD_E_NO_SERVICE for a client).</summary>
    NoSocket,

    /// <summary>The file exists but nobody accepts connections on it (a stale socket).</summary>
    Refused,

    /// <summary>This user may not connect to the socket (file permissions).</summary>
    AccessDenied,

    /// <summary>The daemon accepted the connection and closed it without answering (polkit refusal, crash).</summary>
    Closed,

    /// <summary>The daemon did not answer in time.</summary>
    TimedOut,
}

/// <summary>The result of one CMD_VERSION exchange: what was sent, what came back.</summary>
internal sealed record ProbeResult(string SocketPath, ProbeOutcome Outcome, ProtocolVersion Sent, ProtocolVersion? Daemon, uint ReturnCode, string? Error)
{
    /// <summary>The daemon accepted the version that was sent (rv SCARD_S_SUCCESS).</summary>
    public bool Accepted => Outcome == ProbeOutcome.Answered && ReturnCode == 0;
}

/// <summary>
/// Speaks the first message of pcsc-lite's client/daemon protocol the way libpcsclite does on
/// SCardEstablishContext, to learn the daemon's protocol version without loading any library.
/// Wire format (pcsc-lite src/winscard_msg.h, host byte order): a header struct rxHeader
/// {uint32 size; uint32 command} with command CMD_VERSION (0x11) and size 12, then struct
/// version_struct {int32 major; int32 minor; uint32 rv}. pcscd answers with a version_struct
/// (no header) holding its own version and rv = SCARD_S_SUCCESS, or SCARD_E_SERVICE_STOPPED
/// when it does not accept the client's version (winscard_svc.c, "Communication protocol mismatch!").
/// </summary>
internal static class PcscdProbe
{
    public const uint CommandVersion = 0x11;
    public const int VersionStructSize = 12;

    public static async Task<ProbeResult> ExchangeAsync(string socketPath, ProtocolVersion sent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        if (!File.Exists(socketPath))
            return new ProbeResult(socketPath, ProbeOutcome.NoSocket, sent, null, 0, null);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), limit.Token).ConfigureAwait(false);
            await socket.SendAsync(EncodeRequest(sent), SocketFlags.None, limit.Token).ConfigureAwait(false);
            var answer = new byte[VersionStructSize];
            var read = 0;
            while (read < answer.Length)
            {
                var n = await socket.ReceiveAsync(answer.AsMemory(read), SocketFlags.None, limit.Token).ConfigureAwait(false);
                if (n == 0)
                    return new ProbeResult(socketPath, ProbeOutcome.Closed, sent, null, 0, $"the daemon closed the connection after {read} of {VersionStructSize} bytes");
                read += n;
            }
            var (daemon, rv) = DecodeAnswer(answer);
            return new ProbeResult(socketPath, ProbeOutcome.Answered, sent, daemon, rv, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(socketPath, ProbeOutcome.TimedOut, sent, null, 0, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            var outcome = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => ProbeOutcome.Refused,
                SocketError.AccessDenied => ProbeOutcome.AccessDenied,
                SocketError.AddressNotAvailable => ProbeOutcome.NoSocket,
                _ => ProbeOutcome.Closed,
            };
            return new ProbeResult(socketPath, outcome, sent, null, 0, e.Message);
        }
    }

    /// <summary>The 20 bytes libpcsclite sends first: rxHeader + version_struct, host byte order.</summary>
    public static byte[] EncodeRequest(ProtocolVersion version)
    {
        var request = new byte[8 + VersionStructSize];
        WriteUInt32(request.AsSpan(0), VersionStructSize);
        WriteUInt32(request.AsSpan(4), CommandVersion);
        WriteUInt32(request.AsSpan(8), (uint)version.Major);
        WriteUInt32(request.AsSpan(12), (uint)version.Minor);
        WriteUInt32(request.AsSpan(16), 0);
        return request;
    }

    /// <summary>Reads a version_struct answer: the daemon's version and its return code.</summary>
    /// <exception cref="ArgumentException">Fewer than 12 bytes.</exception>
    public static (ProtocolVersion Daemon, uint ReturnCode) DecodeAnswer(ReadOnlySpan<byte> answer)
    {
        if (answer.Length < VersionStructSize)
            throw new ArgumentException($"a version_struct has {VersionStructSize} bytes, got {answer.Length}", nameof(answer));
        return (new ProtocolVersion((int)ReadUInt32(answer), (int)ReadUInt32(answer[4..])), ReadUInt32(answer[8..]));
    }

    private static void WriteUInt32(Span<byte> target, uint value)
    {
        if (BitConverter.IsLittleEndian)
            BinaryPrimitives.WriteUInt32LittleEndian(target, value);
        else
            BinaryPrimitives.WriteUInt32BigEndian(target, value);
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> source) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(source) : BinaryPrimitives.ReadUInt32BigEndian(source);
}
