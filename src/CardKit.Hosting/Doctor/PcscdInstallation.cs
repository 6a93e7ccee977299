using System.Diagnostics;

namespace CardKit.Hosting.Doctor;

/// <summary>The pcscd executable and what `pcscd --version` says of it: release and build features.</summary>
/// <param name="Executable">The binary (the running daemon's, else the first installed one), or null when none is found.</param>
/// <param name="Release">"1.9.9" from "pcsc-lite version 1.9.9.", or null.</param>
/// <param name="Features">The words of its "Enabled features:" line ("libsystemd", "polkit", "usbdropdir=/usr/lib/pcsc/drivers", ...).</param>
internal sealed record PcscdInstallation(string? Executable, Version? Release, IReadOnlyList<string> Features)
{
    private static readonly string[] Candidates = ["/usr/sbin/pcscd", "/usr/local/sbin/pcscd", "/sbin/pcscd", "/usr/bin/pcscd"];

    public bool Installed => Executable is not null;

    /// <summary>A "key=value" feature ("usbdropdir", "configdir", "ipcdir"), or null.</summary>
    public string? Feature(string key) =>
        Features.FirstOrDefault(f => f.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];

    public bool Has(string feature) => Features.Contains(feature, StringComparer.Ordinal);

    public static async Task<PcscdInstallation> ReadAsync(string procRoot, CancellationToken cancellationToken)
    {
        var executable = ProcessTable.PidsNamed(procRoot, "pcscd")
            .Select(pid => ExecutableOf(procRoot, pid))
            .FirstOrDefault(e => e is not null)
            ?? Candidates.FirstOrDefault(File.Exists);
        if (executable is null)
            return new PcscdInstallation(null, null, []);
        var psi = new ProcessStartInfo(executable, ["--version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(psi);
            if (process is null)
                return new PcscdInstallation(executable, null, []);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(3));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            _ = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return Parse(executable, await output.ConfigureAwait(false));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new PcscdInstallation(executable, null, []);
        }
    }

    /// <summary>Reads `pcscd --version` output: "pcsc-lite version 1.9.9." and "Enabled features: ...".</summary>
    public static PcscdInstallation Parse(string executable, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Version? release = null;
        IReadOnlyList<string> features = [];
        foreach (var line in output.Split('\n'))
        {
            const string versionPrefix = "pcsc-lite version ";
            const string featuresPrefix = "Enabled features:";
            if (line.StartsWith(versionPrefix, StringComparison.Ordinal))
                release = PcscLiteReleases.ParseRelease(line[versionPrefix.Length..].TrimEnd('.', ' ', '\r'));
            else if (line.StartsWith(featuresPrefix, StringComparison.Ordinal))
                features = line[featuresPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        return new PcscdInstallation(executable, release, features);
    }

    /// <summary>/proc/PID/exe, or null when it cannot be read (another user's process).</summary>
    public static string? ExecutableOf(string procRoot, int pid)
    {
        try
        {
            var target = new FileInfo(Path.Combine(procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "exe")).LinkTarget;
            return target is not null && target.EndsWith(" (deleted)", StringComparison.Ordinal) ? target[..^10] : target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
