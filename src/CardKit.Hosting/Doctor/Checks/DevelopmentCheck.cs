namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// For people who build native PC/SC code: pcsc-lite's headers (PCSC/winscard.h, PCSC/wintypes.h) and
/// its pkg-config file libpcsclite.pc (`pkg-config --cflags --libs libpcsclite`), package libpcsclite-dev.
/// </summary>
internal sealed class DevelopmentCheck : IDoctorCheck
{
    private static readonly string[] IncludeDirectories = ["/usr/include/PCSC", "/usr/local/include/PCSC"];

    public string Id => "dev";

    public Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return Task.FromResult(LinuxOnly.Skip(Id, "checking pcsc-lite's development files"));
        var evidence = new List<string>();
        var missing = new List<string>();
        foreach (var header in new[] { "winscard.h", "wintypes.h" })
        {
            var found = IncludeDirectories.Select(d => Path.Combine(d, header)).FirstOrDefault(File.Exists);
            evidence.Add(found is null ? $"{header}: not found in {string.Join(", ", IncludeDirectories)}" : $"{header}: {found}");
            if (found is null)
                missing.Add(header);
        }
        var pkgConfig = PkgConfigDirectories().Select(d => Path.Combine(d, "libpcsclite.pc")).FirstOrDefault(File.Exists);
        if (pkgConfig is null)
        {
            missing.Add("libpcsclite.pc");
            evidence.Add("libpcsclite.pc: not found on the pkg-config path");
        }
        else
        {
            var version = File.ReadLines(pkgConfig).FirstOrDefault(l => l.StartsWith("Version:", StringComparison.Ordinal))?["Version:".Length..].Trim();
            evidence.Add($"libpcsclite.pc: {pkgConfig} (version {version ?? "unknown"})");
        }
        return Task.FromResult(missing.Count == 0
            ? new DoctorCheckResult(Id, DoctorStatus.Ok, "pcsc-lite's headers and pkg-config file are installed", evidence, null)
            : new DoctorCheckResult(Id, DoctorStatus.Fail, $"missing for building PC/SC code: {string.Join(", ", missing)}", evidence,
                SystemCommands.Install("libpcsclite-dev", "pcsc-lite-devel", "pcsclite")));
    }

    private static IEnumerable<string> PkgConfigDirectories()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PKG_CONFIG_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            yield return dir;
        var triple = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        foreach (var dir in new[] { $"/usr/lib/{triple}/pkgconfig", "/usr/lib64/pkgconfig", "/usr/lib/pkgconfig", "/usr/share/pkgconfig", "/usr/local/lib/pkgconfig" })
            yield return dir;
    }
}
