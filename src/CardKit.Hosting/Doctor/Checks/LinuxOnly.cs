namespace CardKit.Hosting.Doctor.Checks;

/// <summary>The SKIP result of a check that looks at pcsc-lite, procfs or sysfs on another system.</summary>
internal static class LinuxOnly
{
    public static bool Applies => OperatingSystem.IsLinux();

    public static DoctorCheckResult Skip(string id, string what) => DoctorCheckResult.Skipped(id,
        $"{what} is Linux only (pcsc-lite, /proc, /sys); this is {(OperatingSystem.IsWindows() ? "Windows (WinSCard)" : OperatingSystem.IsMacOS() ? "macOS (PCSC.framework)" : System.Runtime.InteropServices.RuntimeInformation.OSDescription)}");
}
