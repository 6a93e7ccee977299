namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// GnuPG's scdaemon has its own CCID driver and, unless scdaemon.conf says disable-ccid, claims USB
/// readers before pcscd (pcscd then logs LIBUSB_ERROR_BUSY) or finds them taken by pcscd (gpg: "selecting
/// openpgp failed: No such device"). With pcscd installed, scdaemon should go through pcscd.
/// </summary>
internal sealed class GnupgCcidCheck : IDoctorCheck
{
    public string Id => "gnupg-ccid";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "checking GnuPG's scdaemon against pcscd");
        var config = await ScdaemonConfig.ReadAsync(context).ConfigureAwait(false);
        if (!config.Installed)
            return DoctorCheckResult.Skipped(Id, "GnuPG's scdaemon is not installed");
        var installation = await context.Installation.ConfigureAwait(false);
        List<string> evidence = [config.RunningText, config.Describe(), installation.Installed ? $"pcscd is installed ({installation.Executable})" : "pcscd is not installed"];
        if (config.Options.Contains("disable-ccid"))
            return new DoctorCheckResult(Id, DoctorStatus.Ok, "scdaemon uses pcscd (disable-ccid)", evidence, null);
        if (!installation.Installed)
            return new DoctorCheckResult(Id, DoctorStatus.Ok, "scdaemon drives USB readers itself (pcscd is not installed, so nothing competes)", evidence, null);
        var file = config.Path ?? "~/.gnupg/scdaemon.conf";
        return new DoctorCheckResult(Id, DoctorStatus.Warn,
            "scdaemon's own CCID driver competes with pcscd for USB readers (pcscd: LIBUSB_ERROR_BUSY; gpg: selecting openpgp failed: No such device)",
            evidence, $"echo disable-ccid >> {file} && gpgconf --kill scdaemon   # the line to add: disable-ccid");
    }
}
