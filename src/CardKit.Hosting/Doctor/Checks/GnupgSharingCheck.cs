namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// Through pcscd, scdaemon connects to a reader exclusively unless scdaemon.conf says pcsc-shared; while
/// it holds the card, every other PC/SC program gets SCARD_E_SHARING_VIOLATION.
/// </summary>
internal sealed class GnupgSharingCheck : IDoctorCheck
{
    public string Id => "gnupg-shared";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "checking GnuPG's scdaemon against other PC/SC programs");
        var config = await ScdaemonConfig.ReadAsync(context).ConfigureAwait(false);
        if (config.Running.Count == 0)
            return DoctorCheckResult.Skipped(Id, config.Installed ? "scdaemon is not running" : "GnuPG's scdaemon is not installed");
        var scdaemons = config.Running.Select(p => p.Pid).ToHashSet();
        var others = (await context.PcscClientsAsync().ConfigureAwait(false)).Where(c => !scdaemons.Contains(c.Pid)).ToList();
        List<string> evidence = [config.RunningText, config.Describe()];
        evidence.AddRange(others.Select(o => $"other PC/SC client: {o.Describe()}"));
        if (config.Options.Contains("pcsc-shared"))
            return new DoctorCheckResult(Id, DoctorStatus.Ok, "scdaemon shares readers with other PC/SC programs (pcsc-shared)", evidence, null);
        if (others.Count == 0)
            return new DoctorCheckResult(Id, DoctorStatus.Ok, "scdaemon takes readers exclusively, and no other PC/SC program runs now", evidence, null);
        var file = config.Path ?? "~/.gnupg/scdaemon.conf";
        return new DoctorCheckResult(Id, DoctorStatus.Warn,
            $"scdaemon takes readers exclusively (no pcsc-shared) while {others.Count} other PC/SC program{(others.Count == 1 ? "" : "s")} run: "
            + "they get SCARD_E_SHARING_VIOLATION whenever scdaemon holds the card",
            evidence, $"echo pcsc-shared >> {file} && gpgconf --kill scdaemon   # the line to add: pcsc-shared");
    }
}
