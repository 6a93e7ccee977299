using System.Globalization;

namespace CardKit.Hosting.Doctor;

/// <summary>One process as /proc shows it to this user.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Name">The command name (/proc/PID/comm).</param>
/// <param name="CommandLine">The arguments joined by spaces (/proc/PID/cmdline).</param>
/// <param name="User">The real user's name (or uid).</param>
/// <param name="Inspectable">False when its open files and mappings are hidden from this user.</param>
/// <param name="SocketInodes">Inodes of the sockets it has open (fd -> socket:[inode]).</param>
/// <param name="OpenFiles">Paths of the files it has open.</param>
/// <param name="UsesPcscLite">It has a libpcsclite mapped (it is a PC/SC client).</param>
internal sealed record ProcessInfo(int Pid, string Name, string CommandLine, string User, bool Inspectable,
    IReadOnlySet<long> SocketInodes, IReadOnlyList<string> OpenFiles, bool UsesPcscLite)
{
    /// <summary>"pid 1234 scdaemon (user alice)".</summary>
    public string Describe() => $"pid {Pid} {Name} (user {User})";
}

/// <summary>The processes of this machine, read once from a procfs root (proc(5)).</summary>
internal sealed class ProcessTable
{
    private ProcessTable(IReadOnlyList<ProcessInfo> processes) => Processes = processes;

    public IReadOnlyList<ProcessInfo> Processes { get; }

    /// <summary>Processes that could not be inspected (another user's, without root).</summary>
    public int HiddenCount => Processes.Count(p => !p.Inspectable);

    public IEnumerable<ProcessInfo> Named(string name) => Processes.Where(p => p.Name == name);

    /// <summary>The processes that hold a socket with <paramref name="inode"/> open.</summary>
    public IEnumerable<ProcessInfo> HoldingSocket(long inode) => Processes.Where(p => p.SocketInodes.Contains(inode));

    /// <summary>The processes that have <paramref name="path"/> open.</summary>
    public IEnumerable<ProcessInfo> HoldingFile(string path) => Processes.Where(p => p.OpenFiles.Contains(path, StringComparer.Ordinal));

    /// <summary>
    /// Reads every process; the mappings (the costly part: a .NET process maps thousands of regions) only of
    /// processes that hold one of <paramref name="connectedSockets"/>, as only those can be PC/SC clients.
    /// </summary>
    public static ProcessTable Read(string procRoot, IReadOnlySet<long> connectedSockets)
    {
        var users = UserNames();
        var processes = new List<ProcessInfo>();
        if (!Directory.Exists(procRoot))
            return new ProcessTable(processes);
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            var process = ReadOne(dir, pid, users, connectedSockets);
            if (process is not null)
                processes.Add(process);
        }
        processes.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        return new ProcessTable(processes);
    }

    /// <summary>The pids whose command name is <paramref name="name"/> (only /proc/PID/comm is read).</summary>
    public static IReadOnlyList<int> PidsNamed(string procRoot, string name)
    {
        var pids = new List<int>();
        if (!Directory.Exists(procRoot))
            return pids;
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n') == name)
                    pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // ended while we looked
            }
        }
        return pids;
    }

    private static ProcessInfo? ReadOne(string dir, int pid, Dictionary<string, string> users, IReadOnlySet<long> connectedSockets)
    {
        string name, commandLine, user;
        try
        {
            name = File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n');
            commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').TrimEnd();
            var uid = File.ReadLines(Path.Combine(dir, "status"))
                .FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "?";
            user = users.TryGetValue(uid, out var userName) ? userName : uid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended while we looked
        }

        var sockets = new HashSet<long>();
        var files = new List<string>();
        bool inspectable;
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is null)
                    continue;
                if (target.StartsWith("socket:[", StringComparison.Ordinal)
                    && long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                    sockets.Add(inode);
                else if (target.StartsWith('/'))
                    files.Add(target);
            }
            inspectable = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            inspectable = false;
        }

        var usesPcscLite = false;
        if (inspectable && sockets.Overlaps(connectedSockets))
        {
            try
            {
                usesPcscLite = File.ReadLines(Path.Combine(dir, "maps")).Any(l => l.Contains("/libpcsclite", StringComparison.Ordinal));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                inspectable = false;
            }
        }
        return new ProcessInfo(pid, name, commandLine, user, inspectable, sockets, files, usesPcscLite);
    }

    /// <summary>uid -> user name from /etc/passwd (passwd(5)); empty when it cannot be read.</summary>
    private static Dictionary<string, string> UserNames()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var fields = line.Split(':');
                if (fields.Length > 2)
                    users.TryAdd(fields[2], fields[0]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // names stay numeric
        }
        return users;
    }
}
