namespace CardKit.Hosting.Doctor;

/// <summary>
/// Where the doctor looks. Every path a test needs to vary is here, so nothing is read from a hidden
/// global: <see cref="FromEnvironment"/> fills it the way a program on this machine would see things.
/// </summary>
public sealed record DoctorOptions
{
    /// <summary>pcsc-lite's default client socket (pcsc-lite's PCSCLITE_CSOCK_NAME default, ipcdir /run/pcscd).</summary>
    public const string DefaultSocketPath = "/run/pcscd/pcscd.comm";

    /// <summary>The sysfs mount: USB devices are read from ROOT/bus/usb/devices.</summary>
    public string SysfsRoot { get; init; } = "/sys";

    /// <summary>The procfs mount: processes, their open files and /proc/net/unix.</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>The socket libpcsclite connects to: $PCSCLITE_CSOCK_NAME, else <see cref="DefaultSocketPath"/>.</summary>
    public string SocketPath { get; init; } = DefaultSocketPath;

    /// <summary>GnuPG's home directory ($GNUPGHOME, else ~/.gnupg), where scdaemon.conf lives; null when unknown.</summary>
    public string? GnupgHome { get; init; }

    /// <summary>$LD_LIBRARY_PATH as the programs to diagnose see it (colon-separated directories), or null.</summary>
    public string? LdLibraryPath { get; init; }

    /// <summary>Also check the files needed to build native PC/SC code (headers, pkg-config file).</summary>
    public bool Development { get; init; }

    /// <summary>The longest one check may take before it is reported as unfinished.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The options for this process: its environment variables and the standard paths.</summary>
    public static DoctorOptions FromEnvironment()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var gnupgHome = Environment.GetEnvironmentVariable("GNUPGHOME") is { Length: > 0 } explicitHome ? explicitHome
            : OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "gnupg")
            : home is { Length: > 0 } ? Path.Combine(home, ".gnupg")
            : null;
        return new DoctorOptions
        {
            SocketPath = Environment.GetEnvironmentVariable("PCSCLITE_CSOCK_NAME") is { Length: > 0 } socket ? socket : DefaultSocketPath,
            GnupgHome = gnupgHome,
            LdLibraryPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH"),
        };
    }
}
