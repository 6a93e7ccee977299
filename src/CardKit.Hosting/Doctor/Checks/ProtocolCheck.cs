namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// The client/daemon protocol: what pcscd speaks (asked with CMD_VERSION on its socket), every
/// libpcsclite on this machine with its release and protocol, the one programs load, and whether
/// each can talk to the daemon. A mismatch is what SCARD_E_SERVICE_STOPPED means.
/// </summary>
internal sealed class ProtocolCheck : IDoctorCheck
{
    public string Id => "protocol";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "the pcsc-lite client/daemon protocol");
        var libraries = await context.Libraries.ConfigureAwait(false);
        var probe = await context.Probe.ConfigureAwait(false);
        var installation = await context.Installation.ConfigureAwait(false);
        var processes = await context.Processes.ConfigureAwait(false);
        var sockets = await context.Sockets.ConfigureAwait(false);

        if (libraries.Libraries.Count == 0)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Fail, "no libpcsclite on this machine: PC/SC programs cannot start", [],
                SystemCommands.Install("libpcsclite1", "pcsc-lite-libs", "pcsclite"));
        }
        var loaded = libraries.Loaded;
        var daemon = probe.Outcome == ProbeOutcome.Answered ? probe.Daemon : null;
        // The daemon's lowest accepted minor: known when the installed pcscd is the one answering.
        var installedProtocol = installation.Release is { } release ? PcscLiteReleases.Protocol(release) : null;
        var daemonLowest = daemon is { } d && installedProtocol is { } ip && ip.Speaks == d ? ip.LowestAccepted : daemon?.Minor ?? 0;

        bool? TalksToDaemon(ClientLibrary library)
        {
            if (daemon is not { } answered)
                return null;
            if (library.Path == libraries.Loads && library.Protocol?.Speaks == probe.Sent)
                return probe.Accepted; // measured, not computed
            return library.Protocol is { } p ? PcscLiteReleases.Compatible(p.Speaks, p.LowestAccepted, answered, daemonLowest) : null;
        }

        var evidence = new List<string>();
        foreach (var library in libraries.Libraries)
        {
            var directory = Path.GetDirectoryName(library.Path);
            var aliases = library.Names.Where(n => n != library.Path)
                .Select(n => Path.GetDirectoryName(n) == directory ? Path.GetFileName(n) : n).Order(StringComparer.Ordinal).ToList();
            var line = library.Path + (aliases.Count > 0 ? $" (as {string.Join(", ", aliases)})" : "")
                + $": {(library.Release is null ? "pcsc-lite release unknown" : $"pcsc-lite {library.Release}")} [{library.Origin}]"
                + (library.Protocol is { } p ? $", protocol {p.Speaks}" : "")
                + (library.Path == libraries.Loads ? $"; programs load this one ({libraries.LoadsBecause})" : "")
                + TalksToDaemon(library) switch { true => "; pcscd accepts it", false => "; pcscd refuses it (SCARD_E_SERVICE_STOPPED)", null => "" };
            evidence.Add(line);
        }
        var servers = sockets.ListeningOn(probe.SocketPath).SelectMany(s => processes.HoldingSocket(s.Inode)).DistinctBy(p => p.Pid).ToList();
        var servedBy = servers.Count > 0 ? $", served by {string.Join(", ", servers.Select(s => s.Describe()))}" : "";
        evidence.Add(daemon is { } spoken
            ? $"pcscd on {probe.SocketPath} speaks protocol {spoken} ({PcscLiteReleases.Speaking(spoken)}){servedBy}; "
                + (probe.Accepted ? $"it accepted {probe.Sent}" : $"it refused {probe.Sent} with SCARD_E_SERVICE_STOPPED")
            : $"pcscd did not answer on {probe.SocketPath} (see the pcscd check): its protocol is unknown");

        if (loaded is null)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"no {ClientLibraries.Soname} on the loader's path (LD_LIBRARY_PATH, /etc/ld.so.cache, system directories)", evidence,
                $"{DoctorContext.Sudo}ldconfig   # or: {SystemCommands.Install("libpcsclite1", "pcsc-lite-libs", "pcsclite")}");
        }
        var loadedName = $"{loaded.Path} ({(loaded.Release is null ? "release unknown" : $"pcsc-lite {loaded.Release}")})";
        if (daemon is not { } version)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Skip,
                $"pcscd did not answer, so its protocol cannot be compared; programs load {loadedName}", evidence, null);
        }
        if (!probe.Accepted)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Fail,
                $"SCARD_E_SERVICE_STOPPED: pcscd speaks protocol {version} ({PcscLiteReleases.Speaking(version)}) and refuses {probe.Sent}, "
                + $"the protocol of {loadedName} that programs load", evidence,
                MismatchFix(context, libraries, loaded, version, installation, servers, TalksToDaemon));
        }
        var refused = libraries.Libraries.Where(l => TalksToDaemon(l) == false).ToList();
        if (refused.Count > 0)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Warn,
                $"programs load {loadedName}, which pcscd accepts (protocol {version}); {refused.Count} other libpcsclite would get SCARD_E_SERVICE_STOPPED "
                + "if a program loaded it (LD_LIBRARY_PATH, rpath, a bundled copy)", evidence,
                $"{DoctorContext.Sudo}rm {string.Join(' ', refused.SelectMany(r => r.Names).Distinct())} && {DoctorContext.Sudo}ldconfig   # if nothing needs them");
        }
        var copies = libraries.Libraries.Count > 1 ? $"; {libraries.Libraries.Count} copies on this machine" : "";
        return new DoctorCheckResult(Id, DoctorStatus.Ok,
            $"programs load {loadedName}, protocol {loaded.Protocol?.Speaks.ToString() ?? probe.Sent.ToString()}, and pcscd accepts it (it speaks {version}){copies}",
            evidence, null);
    }

    private static string MismatchFix(DoctorContext context, ClientLibraries libraries, ClientLibrary loaded, ProtocolVersion daemon,
        PcscdInstallation installation, IReadOnlyList<ProcessInfo> servers, Func<ClientLibrary, bool?> talksToDaemon)
    {
        var sudo = DoctorContext.Sudo;
        // 1. Another library on this machine speaks what the daemon accepts: load that one.
        if (libraries.Libraries.FirstOrDefault(l => l != loaded && talksToDaemon(l) == true) is { } good)
        {
            var how = libraries.LoadsBecause?.StartsWith("first in LD_LIBRARY_PATH", StringComparison.Ordinal) == true
                ? $"remove {Path.GetDirectoryName(loaded.Names[0])} from LD_LIBRARY_PATH"
                : $"{sudo}rm {string.Join(' ', loaded.Names)} && {sudo}ldconfig";
            return $"{how}   # then programs load {good.Path} (pcsc-lite {good.Release}), which pcscd accepts";
        }
        // 2. The socket is served by something other than the installed pcscd, and that pcscd would match.
        var installedSpeaks = installation.Release is { } release ? PcscLiteReleases.Protocol(release)?.Speaks : null;
        var foreign = servers.FirstOrDefault(s => s.Name != "pcscd" && s.Pid != 1);
        if (foreign is not null && installedSpeaks == loaded.Protocol?.Speaks)
        {
            return context.Options.SocketPath != DoctorOptions.DefaultSocketPath
                ? $"unset PCSCLITE_CSOCK_NAME (it points at {context.Options.SocketPath}, served by {foreign.Describe()}) so that programs use the installed pcscd {installation.Release}"
                : $"stop {foreign.Describe()} and start the installed pcscd {installation.Release}: {SystemCommands.StartPcscd(installation.Executable)}";
        }
        // 3. Inside a Flatpak the runtime brings its own libpcsclite.
        if (File.Exists("/.flatpak-info"))
            return $"update the host's pcsc-lite to 2.4.1 or later (it accepts protocols 4:4 and 4:5), or use a Flatpak runtime whose pcsc-lite speaks {daemon}";
        // 4. One pcsc-lite for both sides.
        return $"install one pcsc-lite for both sides: pcscd speaks {daemon} ({PcscLiteReleases.Speaking(daemon)}), {loaded.Path} speaks "
            + $"{loaded.Protocol?.Speaks.ToString() ?? "another version"}; {SystemCommands.Install("pcscd libpcsclite1", "pcsc-lite pcsc-lite-libs", "pcsclite")} "
            + "installs a matching pair (pcsc-lite 2.4.1 and later on both sides also accept each other's older protocol 4:4)";
    }
}
