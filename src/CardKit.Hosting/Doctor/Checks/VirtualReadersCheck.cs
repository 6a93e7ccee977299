namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// vsmartcard's vpcd driver: the readers configured for it in pcscd's configdir, the names pcscd gives
/// their slots, and the TCP port each slot listens on for a virtual card (slot n: base port + n).
/// vpcd listens on every interface, not only loopback: anyone who can reach the port can present a card.
/// </summary>
internal sealed class VirtualReadersCheck : IDoctorCheck
{
    public string Id => "vpcd";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "the vpcd virtual reader driver");
        var installation = await context.Installation.ConfigureAwait(false);
        var configDir = installation.Feature("configdir") ?? "/etc/reader.conf.d";
        var configured = VpcdReader.ReadAll(configDir);
        if (configured.Count == 0)
            return DoctorCheckResult.Skipped(Id, $"no vpcd reader is configured in {configDir} (package vsmartcard-vpcd)");
        var readers = await context.Readers.ConfigureAwait(false);
        var listeners = TcpListeners.Read(context.Options.ProcRoot);

        var evidence = configured.Select(c => $"{c.File}: \"{c.FriendlyName}\" -> {c.Library}, ports from {c.BasePort}").Distinct().ToList();
        var missing = new List<string>();
        var closed = new List<string>();
        var open = new List<(string Reader, int Port)>();
        var everywhere = false;
        foreach (var config in configured)
        {
            var slots = readers.Readers.Select(r => (Reader: r, Slot: SlotOf(r.Name, config.FriendlyName))).Where(x => x.Slot is not null).ToList();
            if (slots.Count == 0)
            {
                missing.Add(config.FriendlyName);
                continue;
            }
            foreach (var (reader, slot) in slots)
            {
                var port = config.BasePort + slot!.Value;
                var addresses = listeners.On(port);
                everywhere |= addresses.Any(TcpListeners.IsAnyAddress);
                var card = reader.CardPresent ? "card present" : "no card";
                if (addresses.Count == 0)
                {
                    closed.Add($"{reader.Name} (port {port})");
                    evidence.Add($"{reader.Name}: port {port}, not listening; {card}");
                }
                else
                {
                    open.Add((reader.Name, port));
                    evidence.Add($"{reader.Name}: port {port}, listening on {string.Join(", ", addresses.Select(a => a is "0.0.0.0" or "::" ? $"{a} (all interfaces)" : a))}; {card}");
                }
            }
        }
        if (!readers.Available)
        {
            return new DoctorCheckResult(Id, DoctorStatus.Skip,
                $"{configured.Count} vpcd reader{(configured.Count == 1 ? "" : "s")} configured, but pcscd is not reachable to list them", evidence, null);
        }
        var exposure = everywhere ? "; vpcd listens on all interfaces, not only loopback: anyone who can reach these ports can present a card to this machine" : "";
        if (missing.Count > 0 || closed.Count > 0)
        {
            var problem = missing.Count > 0
                ? $"pcscd does not show the configured vpcd reader{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}"
                : $"vpcd does not listen for {string.Join(", ", closed)}";
            return new DoctorCheckResult(Id, DoctorStatus.Warn, problem + exposure, evidence,
                $"restart pcscd to load {configDir}: stop it, then {SystemCommands.StartPcscd(installation.Executable)}");
        }
        var ports = open.Select(o => o.Port).Order().ToList();
        return new DoctorCheckResult(Id, DoctorStatus.Ok,
            $"{open.Count} vpcd readers, virtual cards connect to TCP ports {ports[0]}-{ports[^1]}{exposure}", evidence, null);
    }

    /// <summary>The slot of <paramref name="reader"/> when pcscd named it "FRIENDLYNAME NN SS" (readerfactory.c), else null.</summary>
    private static int? SlotOf(string reader, string friendlyName)
    {
        if (!reader.StartsWith(friendlyName + " ", StringComparison.Ordinal))
            return null;
        var rest = reader[(friendlyName.Length + 1)..].Split(' ');
        return rest.Length == 2 && rest.All(p => p.Length == 2 && p.All(char.IsAsciiDigit)) ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
