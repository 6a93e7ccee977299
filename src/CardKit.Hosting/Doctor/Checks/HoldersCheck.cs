using CardKit.Pcsc;

namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// Who holds the cards: the PC/SC clients (processes with libpcsclite mapped and a connected Unix
/// socket, from /proc/PID/maps, /proc/PID/fd and /proc/net/unix), and for each reader held
/// exclusively the client that most likely holds it. pcscd reports SCARD_STATE_EXCLUSIVE for a reader
/// one client connected to with SCARD_SHARE_EXCLUSIVE (every other SCardConnect then fails with
/// SCARD_E_SHARING_VIOLATION); the check reads that state and never connects, so it cannot itself take a
/// card from a program that is about to connect. PC/SC does not say who holds a
/// reader, so this is a ranking: a client whose command line names the reader, then GnuPG's
/// scdaemon (exclusive unless pcsc-shared), then the only client there is.
/// </summary>
internal sealed class HoldersCheck : IDoctorCheck
{
    public string Id => "holders";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "finding the processes that hold a reader");
        var readers = await context.Readers.ConfigureAwait(false);
        if (!readers.Available)
            return DoctorCheckResult.Skipped(Id, $"pcscd is not reachable ({ScardErrors.Name(readers.Error!.Value)}): no reader to look at");
        var processes = await context.Processes.ConfigureAwait(false);
        var sockets = await context.Sockets.ConfigureAwait(false);
        var clients = await context.PcscClientsAsync().ConfigureAwait(false);

        var evidence = new List<string>
        {
            $"pcscd has {sockets.ConnectionsTo(context.Options.SocketPath)} open client connections on {context.Options.SocketPath}",
        };
        evidence.AddRange(clients.Select(c => $"PC/SC client: {c.Describe()}: {Shorten(c.CommandLine)}"));
        if (clients.Count == 0)
            evidence.Add("no other process uses PC/SC");
        if (processes.HiddenCount > 0)
            evidence.Add($"{processes.HiddenCount} processes of other users could not be inspected (run as root to see them)");

        var held = new List<(string Reader, ProcessInfo? Likely, string Why)>();
        foreach (var reader in readers.Readers.Where(r => r.Exclusive))
        {
            var (likely, why) = Rank(reader.Name, clients);
            held.Add((reader.Name, likely, why));
            evidence.Add(likely is null
                ? $"{reader.Name}: held exclusively (SCARD_STATE_EXCLUSIVE: other connects get SCARD_E_SHARING_VIOLATION); {why}"
                : $"{reader.Name}: held exclusively (SCARD_STATE_EXCLUSIVE: other connects get SCARD_E_SHARING_VIOLATION), likely by {likely.Describe()}: {why}");
        }
        if (held.Count == 0)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Ok,
                $"no reader is held exclusively; {clients.Count} other PC/SC client{(clients.Count == 1 ? "" : "s")}", evidence, null);
        }
        var first = held[0];
        var summary = string.Join("; ", held.Select(h => h.Likely is null
            ? $"{h.Reader} is held exclusively by another program"
            : $"{h.Reader} is held exclusively, likely by {h.Likely.Describe()}"));
        var fix = first.Likely switch
        {
            { Name: "scdaemon" } => "gpgconf --kill scdaemon   # and add `pcsc-shared` to scdaemon.conf so that it shares readers",
            { } process => $"close that program, or: kill {process.Pid}",
            null => "close the program that uses the card (the PC/SC clients are listed above)",
        };
        return new DoctorCheckResult(Id, DoctorStatus.Warn, summary + ": other programs get SCARD_E_SHARING_VIOLATION", evidence, fix);
    }

    private static (ProcessInfo? Likely, string Why) Rank(string reader, IReadOnlyList<ProcessInfo> clients)
    {
        var naming = clients.Where(c => c.CommandLine.Contains(reader, StringComparison.OrdinalIgnoreCase)).ToList();
        if (naming.Count == 1)
            return (naming[0], "its command line names the reader");
        var scdaemons = clients.Where(c => c.Name == "scdaemon").ToList();
        if (scdaemons.Count == 1)
            return (scdaemons[0], "GnuPG's scdaemon opens readers exclusively unless scdaemon.conf says pcsc-shared");
        if (clients.Count == 1)
            return (clients[0], "the only other PC/SC client");
        return (null, clients.Count == 0
            ? "no PC/SC client is visible to this user (another user's process, or a sandbox)"
            : $"one of the {clients.Count} PC/SC clients listed");
    }

    private static string Shorten(string commandLine) => commandLine.Length <= 160 ? commandLine : commandLine[..157] + "...";
}
