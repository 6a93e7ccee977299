using CardKit.Hosting.Doctor.Checks;

namespace CardKit.Hosting.Doctor;

/// <summary>
/// Finds out why smart cards do not work on this machine, and says how to fix it: pcscd and its
/// socket, the client/daemon protocol versions, Flatpak, who holds the cards, USB readers and their
/// driver, GnuPG's scdaemon, polkit, the vpcd virtual readers, and optionally the development files.
/// Checks run in parallel; each one's failure or overrun is reported, never thrown.
/// </summary>
public static class Doctor
{
    /// <summary>The ids of the checks, in report order ("dev" only when <see cref="DoctorOptions.Development"/> is set).</summary>
    public static IReadOnlyList<string> CheckIds { get; } = [.. Checks(development: true).Select(c => c.Id)];

    /// <summary>Runs every check with <paramref name="options"/> (default: <see cref="DoctorOptions.FromEnvironment"/>).</summary>
    public static async Task<DoctorReport> RunAsync(DoctorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DoctorOptions.FromEnvironment();
        var context = new DoctorContext(options, cancellationToken);
        var runs = Checks(options.Development).Select(check => RunOneAsync(check, context, options.CheckTimeout, cancellationToken)).ToList();
        return DoctorReport.Of(await Task.WhenAll(runs).ConfigureAwait(false));
    }

    private static IEnumerable<IDoctorCheck> Checks(bool development)
    {
        if (OperatingSystem.IsWindows())
            yield return new SmartCardServiceCheck();
        yield return new PcscdCheck();
        yield return new ProtocolCheck();
        yield return new FlatpakCheck();
        yield return new HoldersCheck();
        yield return new UsbReadersCheck();
        yield return new GnupgCcidCheck();
        yield return new GnupgSharingCheck();
        yield return new PolkitCheck();
        yield return new VirtualReadersCheck();
        if (development)
            yield return new DevelopmentCheck();
    }

    private static async Task<DoctorCheckResult> RunOneAsync(IDoctorCheck check, DoctorContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => check.RunAsync(context, cancellationToken), cancellationToken)
                .WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new DoctorCheckResult(check.Id, DoctorStatus.Warn, $"the check did not finish within {timeout.TotalSeconds:0.#} s", [], null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DoctorCheckResult(check.Id, DoctorStatus.Warn, $"the check could not run: {e.Message}", [e.GetType().Name], null);
        }
    }
}
