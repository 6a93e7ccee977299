using System.Globalization;

namespace CardKit.Hosting.Doctor;

/// <summary>One line of /proc/net/unix (proc(5)): a Unix domain socket.</summary>
internal sealed record UnixSocket(long Inode, bool Listening, bool Connected, string? Path);

/// <summary>The Unix domain sockets of this network namespace, from /proc/net/unix.</summary>
internal sealed class UnixSocketTable
{
    private const uint AcceptConnections = 0x10000; // __SO_ACCEPTCON: a listening socket

    private UnixSocketTable(IReadOnlyList<UnixSocket> sockets) => Sockets = sockets;

    public IReadOnlyList<UnixSocket> Sockets { get; }

    /// <summary>The listening sockets bound to <paramref name="path"/>.</summary>
    public IEnumerable<UnixSocket> ListeningOn(string path) => Sockets.Where(s => s.Listening && s.Path == path);

    /// <summary>Accepted connections on <paramref name="path"/> (server side: they carry the listener's path).</summary>
    public int ConnectionsTo(string path) => Sockets.Count(s => s.Connected && s.Path == path);

    public static UnixSocketTable Read(string procRoot)
    {
        try
        {
            return Parse(File.ReadLines(System.IO.Path.Combine(procRoot, "net", "unix")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UnixSocketTable([]);
        }
    }

    /// <summary>
    /// Parses "Num RefCount Protocol Flags Type St Inode Path" lines; lines that do not have that
    /// shape are skipped (the header, truncated lines).
    /// </summary>
    public static UnixSocketTable Parse(IEnumerable<string> lines)
    {
        var sockets = new List<UnixSocket>();
        foreach (var line in lines)
        {
            var fields = line.Split(' ', 8, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 7
                || !uint.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                || !int.TryParse(fields[5], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var state)
                || !long.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                continue;
            var path = fields.Length > 7 ? fields[7].Trim() : null;
            // St: 01 SS_UNCONNECTED, 03 SS_CONNECTED (include/uapi/linux/net.h socket_state)
            sockets.Add(new UnixSocket(inode, (flags & AcceptConnections) != 0 && state == 1, state == 3, path));
        }
        return new UnixSocketTable(sockets);
    }
}
