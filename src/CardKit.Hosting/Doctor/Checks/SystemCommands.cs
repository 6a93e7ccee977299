namespace CardKit.Hosting.Doctor.Checks;

/// <summary>The commands a fix names, as this machine spells them (systemd or not, apt or dnf, root or not).</summary>
internal static class SystemCommands
{
    private static readonly string[] UnitDirectories = ["/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"];

    /// <summary>systemd is the running init (sd_booted(3): /run/systemd/system exists).</summary>
    public static bool SystemdRuns => Directory.Exists("/run/systemd/system");

    /// <summary>The first unit file named <paramref name="unit"/>, or null.</summary>
    public static string? UnitFile(string unit) => UnitDirectories.Select(d => Path.Combine(d, unit)).FirstOrDefault(File.Exists);

    /// <summary>pcscd.socket is enabled (linked into sockets.target.wants).</summary>
    public static bool SocketUnitEnabled => File.Exists("/etc/systemd/system/sockets.target.wants/pcscd.socket");

    /// <summary>How to start pcscd here: socket activation under systemd, the init script, or the daemon itself.</summary>
    public static string StartPcscd(string? executable)
    {
        var sudo = DoctorContext.Sudo;
        if (SystemdRuns && UnitFile("pcscd.socket") is not null)
            return $"{sudo}systemctl enable --now pcscd.socket";
        if (File.Exists("/etc/init.d/pcscd"))
            return File.Exists("/usr/sbin/service") || File.Exists("/sbin/service") ? $"{sudo}service pcscd start" : $"{sudo}/etc/init.d/pcscd start";
        return $"{sudo}{executable ?? "pcscd"}";
    }

    /// <summary>How to install <paramref name="debian"/> (or its name elsewhere) with this machine's package manager.</summary>
    public static string Install(string debian, string fedora, string arch)
    {
        var sudo = DoctorContext.Sudo;
        if (File.Exists("/usr/bin/apt-get"))
            return $"{sudo}apt-get install {debian}";
        if (File.Exists("/usr/bin/dnf"))
            return $"{sudo}dnf install {fedora}";
        if (File.Exists("/usr/bin/pacman"))
            return $"{sudo}pacman -S {arch}";
        if (File.Exists("/usr/bin/zypper"))
            return $"{sudo}zypper install {fedora}";
        return $"install {fedora} with your package manager";
    }
}
