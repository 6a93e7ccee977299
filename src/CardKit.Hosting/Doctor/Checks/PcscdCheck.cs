namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// pcscd: installed, running (process, user), its socket answering, systemd socket activation, its
/// release. Without an answer on the socket every PC/SC call fails with SCARD_E_NO_SERVICE.
/// </summary>
internal sealed class PcscdCheck : IDoctorCheck
{
    public string Id => "pcscd";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
        {
            return DoctorCheckResult.Skipped(Id, OperatingSystem.IsWindows()
                ? "Windows has no pcscd: the Smart Card service (SCardSvr) is checked instead"
                : "this system has no pcscd to check: its PC/SC service is part of the system");
        }
        var processes = await context.Processes.ConfigureAwait(false);
        var sockets = await context.Sockets.ConfigureAwait(false);
        var installation = await context.Installation.ConfigureAwait(false);
        var probe = await context.Probe.ConfigureAwait(false);
        var socketPath = context.Options.SocketPath;

        var evidence = new List<string>();
        var daemons = processes.Named("pcscd").ToList();
        evidence.AddRange(daemons.Select(d => $"{d.Describe()}: {d.CommandLine}"));
        if (daemons.Count == 0)
            evidence.Add("no pcscd process runs");
        evidence.Add(installation.Installed
            ? $"{installation.Executable}: pcsc-lite {installation.Release?.ToString() ?? "(release unknown)"}"
            : "pcscd is not installed (no /usr/sbin/pcscd)");
        var origin = socketPath == DoctorOptions.DefaultSocketPath ? "the default" : "from $PCSCLITE_CSOCK_NAME";
        var servers = sockets.ListeningOn(socketPath).SelectMany(s => processes.HoldingSocket(s.Inode)).DistinctBy(p => p.Pid).ToList();
        evidence.Add($"socket {socketPath} ({origin}): {Describe(probe)}"
            + (servers.Count > 0 ? $"; served by {string.Join(", ", servers.Select(s => s.Describe()))}" : ""));
        if (SystemCommands.SystemdRuns)
        {
            var unit = SystemCommands.UnitFile("pcscd.socket");
            evidence.Add(unit is null ? "systemd runs; no pcscd.socket unit"
                : $"systemd socket activation: {unit} {(SystemCommands.SocketUnitEnabled ? "enabled" : "not enabled")}");
            if (SystemCommands.UnitFile("pcscd.service") is { } service
                && File.ReadLines(service).Any(l => l.StartsWith("ExecStart", StringComparison.Ordinal) && l.Contains("--auto-exit", StringComparison.Ordinal)))
                evidence.Add($"{service}: --auto-exit, pcscd stops after 60 s without clients and the socket starts it again");
        }
        else
        {
            evidence.Add("systemd does not run here: no socket activation, pcscd must be started");
        }

        if (probe.Outcome == ProbeOutcome.Answered)
        {
            if (daemons.Count > 1)
            {
                return new DoctorCheckResult(Id, DoctorStatus.Warn,
                    $"{daemons.Count} pcscd processes run; they compete for the same USB readers", evidence,
                    $"{DoctorContext.Sudo}kill {string.Join(' ', daemons.Skip(1).Select(d => d.Pid))}   # keep pid {daemons[0].Pid}");
            }
            var foreign = servers.Where(s => s.Name != "pcscd" && s.Pid != 1).ToList();
            if (foreign.Count > 0)
            {
                return new DoctorCheckResult(Id, DoctorStatus.Warn,
                    $"{socketPath} is served by {foreign[0].Describe()}, not by pcscd", evidence,
                    socketPath == DoctorOptions.DefaultSocketPath ? $"stop pid {foreign[0].Pid} and start pcscd: {SystemCommands.StartPcscd(installation.Executable)}"
                        : $"unset PCSCLITE_CSOCK_NAME so that programs use pcscd's {DoctorOptions.DefaultSocketPath}");
            }
            var who = daemons.Count == 1 ? $" (pid {daemons[0].Pid}, user {daemons[0].User})" : "";
            var release = installation.Release is null ? "" : $" {installation.Release}";
            return new DoctorCheckResult(Id, DoctorStatus.Ok, $"pcscd{release} answers on {socketPath}{who}", evidence, null);
        }

        if (!installation.Installed)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Fail, "pcscd is not installed: PC/SC calls fail with SCARD_E_NO_SERVICE", evidence,
                SystemCommands.Install("pcscd", "pcsc-lite", "pcsclite"));
        }
        var start = SystemCommands.StartPcscd(installation.Executable);
        return probe.Outcome switch
        {
            ProbeOutcome.AccessDenied => new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"this user may not connect to {socketPath} (file permissions)", evidence,
                $"{DoctorContext.Sudo}chmod 0666 {socketPath}   # pcscd.socket sets SocketMode=0666"),
            ProbeOutcome.Closed => new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"pcscd accepted the connection on {socketPath} and closed it without answering (polkit refused this user, or pcscd failed)", evidence,
                SystemCommands.SystemdRuns ? "journalctl -u pcscd   # says why; see also the polkit check" : "run pcscd in the foreground with --debug to see why; see also the polkit check"),
            ProbeOutcome.TimedOut => new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"pcscd accepted the connection on {socketPath} and did not answer: it hangs", evidence,
                $"{DoctorContext.Sudo}kill {string.Join(' ', daemons.Select(d => d.Pid))} && {start}"),
            _ when daemons.Count > 0 => new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"pcscd runs but nothing answers on {socketPath}: programs get SCARD_E_NO_SERVICE", evidence,
                socketPath == DoctorOptions.DefaultSocketPath ? $"{DoctorContext.Sudo}kill {string.Join(' ', daemons.Select(d => d.Pid))} && {start}"
                    : $"unset PCSCLITE_CSOCK_NAME so that programs use pcscd's {DoctorOptions.DefaultSocketPath}"),
            _ => new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"pcscd is not running (nothing answers on {socketPath}): programs get SCARD_E_NO_SERVICE", evidence, start),
        };
    }

    private static string Describe(ProbeResult probe) => probe.Outcome switch
    {
        ProbeOutcome.Answered => $"answers (protocol {probe.Daemon})",
        ProbeOutcome.NoSocket => "does not exist",
        ProbeOutcome.Refused => "exists, but nothing accepts connections (left over from a pcscd that ended)",
        ProbeOutcome.AccessDenied => "permission denied",
        ProbeOutcome.Closed => "connection closed without an answer" + (probe.Error is null ? "" : $" ({probe.Error})"),
        ProbeOutcome.TimedOut => "no answer" + (probe.Error is null ? "" : $" ({probe.Error})"),
        _ => probe.Outcome.ToString(),
    };
}
