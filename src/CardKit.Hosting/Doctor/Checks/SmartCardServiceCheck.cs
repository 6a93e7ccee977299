using System.Diagnostics;

namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// Windows: the Smart Card service (SCardSvr), asked with `sc query SCardSvr`. Windows stops it when the
/// last reader goes away and starts it when one arrives, so "stopped" with no reader is normal.
/// </summary>
internal sealed class SmartCardServiceCheck : IDoctorCheck
{
    public string Id => "scardsvr";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
            return DoctorCheckResult.Skipped(Id, "the Smart Card service (SCardSvr) exists on Windows only");
        var psi = new ProcessStartInfo("sc.exe", ["query", "SCardSvr"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi);
        if (process is null)
            return new DoctorCheckResult(Id, DoctorStatus.Warn, "sc.exe could not be started", [], null);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var state = output.Split('\n').FirstOrDefault(l => l.Contains("STATE", StringComparison.Ordinal))?.Trim() ?? "STATE unknown";
        List<string> evidence = [$"sc query SCardSvr: {state}"];
        if (state.Contains("RUNNING", StringComparison.Ordinal))
            return new DoctorCheckResult(Id, DoctorStatus.Ok, "the Smart Card service runs", evidence, null);
        var readers = await context.Readers.ConfigureAwait(false);
        return new DoctorCheckResult(Id, DoctorStatus.Warn,
            "the Smart Card service does not run (Windows stops it while no reader is attached; SCardEstablishContext then fails with SCARD_E_NO_SERVICE)",
            [.. evidence, readers.Available ? $"{readers.Readers.Count} readers" : $"readers: {readers.Message}"],
            "sc start SCardSvr   # from an administrator prompt; or plug a reader in");
    }
}
