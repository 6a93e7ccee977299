namespace CardKit.Hosting.Doctor;

/// <summary>What dpkg knows (/var/lib/dpkg): which package installed a file, and at which version (dpkg(1)).</summary>
internal static class DebianPackages
{
    private const string InfoDirectory = "/var/lib/dpkg/info";
    private const string StatusFile = "/var/lib/dpkg/status";

    /// <summary>
    /// The installed package that owns <paramref name="realPath"/>, looking only at the packages whose
    /// name starts like the file's ("libpcsclite" for libpcsclite.so.1.0.0), or null.
    /// </summary>
    public static (string Package, string Version)? Owner(string realPath)
    {
        var stem = Path.GetFileName(realPath).Split('.')[0];
        if (!Directory.Exists(InfoDirectory) || stem.Length == 0)
            return null;
        try
        {
            foreach (var list in Directory.EnumerateFiles(InfoDirectory, stem + "*.list"))
            {
                var fileName = Path.GetFileName(realPath);
                foreach (var line in File.ReadLines(list))
                {
                    if (!line.EndsWith(fileName, StringComparison.Ordinal) || !SameFile(line, realPath))
                        continue;
                    var package = Path.GetFileNameWithoutExtension(list).Split(':')[0];
                    return Version(package) is { } version ? (package, version) : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The installed version of <paramref name="package"/> ("1.9.9-2"), or null when it is not installed.</summary>
    public static string? Version(string package)
    {
        if (!File.Exists(StatusFile))
            return null;
        string? current = null;
        string? version = null;
        var installed = false;
        foreach (var line in File.ReadLines(StatusFile))
        {
            if (line.Length == 0)
            {
                if (current == package && installed && version is not null)
                    return version;
                current = version = null;
                installed = false;
            }
            else if (line.StartsWith("Package: ", StringComparison.Ordinal))
            {
                current = line[9..].Trim();
            }
            else if (current == package && line.StartsWith("Version: ", StringComparison.Ordinal))
            {
                version = line[9..].Trim();
            }
            else if (current == package && line.StartsWith("Status: ", StringComparison.Ordinal))
            {
                installed = line.EndsWith(" installed", StringComparison.Ordinal);
            }
        }
        return current == package && installed ? version : null;
    }

    private static bool SameFile(string listed, string realPath)
    {
        if (listed == realPath)
            return true;
        try
        {
            var info = new FileInfo(listed);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is not null && Path.GetFullPath(target.FullName) == realPath
                || MergedUsr(listed) == MergedUsr(realPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>/lib/x -> /usr/lib/x (merged-/usr systems list either spelling).</summary>
    private static string MergedUsr(string path) =>
        path.StartsWith("/lib", StringComparison.Ordinal) || path.StartsWith("/bin", StringComparison.Ordinal) || path.StartsWith("/sbin", StringComparison.Ordinal)
            ? "/usr" + path
            : path;
}
