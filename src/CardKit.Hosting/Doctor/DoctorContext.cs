namespace CardKit.Hosting.Doctor;

/// <summary>
/// What several checks need, each read once and shared: the process table, the Unix sockets, the
/// daemon's answer to CMD_VERSION, the reader list, the pcscd installation, the client libraries.
/// Each is computed on first use on the thread pool, so checks that need different facts run in parallel.
/// </summary>
internal sealed class DoctorContext
{
    private readonly Lazy<Task<ProcessTable>> _processes;
    private readonly Lazy<Task<UnixSocketTable>> _sockets;
    private readonly Lazy<Task<PcscdInstallation>> _installation;
    private readonly Lazy<Task<ClientLibraries>> _libraries;
    private readonly Lazy<Task<ProbeResult>> _probe;
    private readonly Lazy<Task<PcscReaders>> _readers;

    public DoctorContext(DoctorOptions options, CancellationToken cancellationToken)
    {
        Options = options;
        _sockets = Start(() => UnixSocketTable.Read(options.ProcRoot));
        _processes = new(async () =>
        {
            var sockets = await Sockets.ConfigureAwait(false);
            return await Task.Run(() => ProcessTable.Read(options.ProcRoot, sockets.Sockets.Where(s => s.Connected).Select(s => s.Inode).ToHashSet()), cancellationToken).ConfigureAwait(false);
        });
        _installation = new(() => PcscdInstallation.ReadAsync(options.ProcRoot, cancellationToken));
        _libraries = Start(() => ClientLibraries.Find(options.LdLibraryPath));
        _probe = new(async () =>
        {
            // Offer the version the library that programs load speaks, as that library would.
            var libraries = await Libraries.ConfigureAwait(false);
            var version = libraries.Loaded?.Protocol?.Speaks ?? new ProtocolVersion(4, 4);
            return await PcscdProbe.ExchangeAsync(options.SocketPath, version, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        });
        _readers = Start(PcscReaders.Read);
    }

    public DoctorOptions Options { get; }

    /// <summary>This process: left out of "other programs" (it is a PC/SC client itself while it looks).</summary>
    public int SelfPid { get; } = Environment.ProcessId;

    public Task<ProcessTable> Processes => _processes.Value;

    public Task<UnixSocketTable> Sockets => _sockets.Value;

    public Task<PcscdInstallation> Installation => _installation.Value;

    public Task<ClientLibraries> Libraries => _libraries.Value;

    public Task<ProbeResult> Probe => _probe.Value;

    public Task<PcscReaders> Readers => _readers.Value;

    /// <summary>The PC/SC clients other than this process: a libpcsclite mapped and a connected Unix socket.</summary>
    public async Task<IReadOnlyList<ProcessInfo>> PcscClientsAsync()
    {
        var processes = await Processes.ConfigureAwait(false);
        var sockets = await Sockets.ConfigureAwait(false);
        var connected = sockets.Sockets.Where(s => s.Connected).Select(s => s.Inode).ToHashSet();
        return processes.Processes
            .Where(p => p.Pid != SelfPid && p.UsesPcscLite && p.SocketInodes.Overlaps(connected))
            .ToList();
    }

    /// <summary>"sudo " unless this process is root: the prefix of commands that need root.</summary>
    public static string Sudo => OperatingSystem.IsWindows() || Environment.UserName == "root" ? "" : "sudo ";

    private static Lazy<Task<T>> Start<T>(Func<T> read) => new(() => Task.Run(read));
}
