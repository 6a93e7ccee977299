using System.Runtime.InteropServices;

namespace CardKit.Hosting.Doctor;

/// <summary>One libpcsclite file (symlinks resolved) and what is known of its pcsc-lite release.</summary>
/// <param name="Path">The real file.</param>
/// <param name="Names">The paths found that lead to it (symlinks and the file itself).</param>
/// <param name="Release">Its pcsc-lite release, when known.</param>
/// <param name="Origin">How the release was learnt ("Debian package libpcsclite1 1.9.9-2", "libpcsclite.pc", "same bytes as ...").</param>
internal sealed record ClientLibrary(string Path, IReadOnlyList<string> Names, Version? Release, string Origin)
{
    /// <summary>The protocol its release speaks, and the lowest minor it accepts from the daemon.</summary>
    public (ProtocolVersion Speaks, int LowestAccepted)? Protocol => Release is null ? null : PcscLiteReleases.Protocol(Release);
}

/// <summary>
/// Every libpcsclite.so* on this machine and the one a program loads. The loader's order (ld.so(8)):
/// the directories of LD_LIBRARY_PATH, then /etc/ld.so.cache, then the system directories.
/// </summary>
internal sealed class ClientLibraries
{
    /// <summary>The name programs ask the loader for (the library's SONAME).</summary>
    public const string Soname = "libpcsclite.so.1";

    private ClientLibraries(IReadOnlyList<ClientLibrary> libraries, string? loads, string? loadsBecause)
    {
        Libraries = libraries;
        Loads = loads;
        LoadsBecause = loadsBecause;
    }

    public IReadOnlyList<ClientLibrary> Libraries { get; }

    /// <summary>The real path of the file the loader picks for <see cref="Soname"/>, or null when none is found.</summary>
    public string? Loads { get; }

    /// <summary>Why that one: "first in LD_LIBRARY_PATH: /tmp/x/lib", "/etc/ld.so.cache: PATH", "system directory DIR".</summary>
    public string? LoadsBecause { get; }

    public ClientLibrary? Loaded => Libraries.FirstOrDefault(l => l.Path == Loads);

    public static ClientLibraries Find(string? ldLibraryPath)
    {
        var preload = (ldLibraryPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cache = LdSoCache.Read();
        var system = SystemDirectories();

        var candidates = new List<string>();
        foreach (var dir in preload.Concat(ConfiguredDirectories()).Concat(system).Concat(["/usr/local/lib", "/usr/local/lib64"]))
            candidates.AddRange(FilesIn(dir));
        candidates.AddRange(cache.Where(e => e.Name.StartsWith("libpcsclite.so", StringComparison.Ordinal)).Select(e => e.Path));

        var byRealPath = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in candidates.Distinct(StringComparer.Ordinal))
        {
            var real = RealPath(name);
            if (real is null)
                continue;
            if (!byRealPath.TryGetValue(real, out var names))
                byRealPath[real] = names = [];
            // One spelling per file: /lib/x and /usr/lib/x are the same on merged-/usr systems.
            var canonical = System.IO.Path.Combine(RealDirectory(new DirectoryInfo(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(name))!)), System.IO.Path.GetFileName(name));
            if (!names.Contains(canonical))
                names.Add(canonical);
        }

        var identified = new List<ClientLibrary>();
        foreach (var (real, names) in byRealPath)
        {
            var (release, origin) = Identify(real);
            identified.Add(new ClientLibrary(real, names, release, origin));
        }
        // A copy with the same bytes as an identified file is the same release.
        for (var i = 0; i < identified.Count; i++)
        {
            if (identified[i].Release is not null)
                continue;
            var twin = identified.FirstOrDefault(o => o.Release is not null && SameBytes(o.Path, identified[i].Path));
            if (twin is not null)
                identified[i] = identified[i] with { Release = twin.Release, Origin = $"same bytes as {twin.Path} ({twin.Origin})" };
        }

        var (loads, because) = Resolve(preload, cache, system);
        return new ClientLibraries(identified.OrderBy(l => l.Path != loads).ThenBy(l => l.Path, StringComparer.Ordinal).ToList(), loads, because);
    }

    private static (string? RealPath, string? Because) Resolve(string[] preload, IReadOnlyList<(string Name, string Path)> cache, IReadOnlyList<string> system)
    {
        foreach (var dir in preload)
        {
            if (RealPath(System.IO.Path.Combine(dir, Soname)) is { } found)
                return (found, $"first in LD_LIBRARY_PATH: {dir}");
        }
        foreach (var (name, path) in cache)
        {
            if (name == Soname && RealPath(path) is { } found)
                return (found, $"/etc/ld.so.cache: {path}");
        }
        foreach (var dir in system)
        {
            if (RealPath(System.IO.Path.Combine(dir, Soname)) is { } found)
                return (found, $"system directory {dir}");
        }
        return (null, null);
    }

    /// <summary>The loader's built-in directories (ld.so --help, "system search path") for this architecture.</summary>
    private static List<string> SystemDirectories()
    {
        var triple = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x86_64-linux-gnu",
            Architecture.Arm64 => "aarch64-linux-gnu",
            Architecture.X86 => "i386-linux-gnu",
            Architecture.Arm => "arm-linux-gnueabihf",
            _ => null,
        };
        var dirs = new List<string>();
        if (triple is not null)
            dirs.AddRange([$"/lib/{triple}", $"/usr/lib/{triple}"]);
        dirs.AddRange(Environment.Is64BitProcess ? ["/lib64", "/usr/lib64", "/lib", "/usr/lib"] : ["/lib", "/usr/lib"]);
        return dirs;
    }

    /// <summary>The directories of /etc/ld.so.conf and the files it includes (ldconfig(8)).</summary>
    private static IEnumerable<string> ConfiguredDirectories()
    {
        var files = new Queue<string>(["/etc/ld.so.conf"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (files.Count > 0)
        {
            var file = files.Dequeue();
            if (!seen.Add(file) || !File.Exists(file))
                continue;
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var raw in lines)
            {
                var line = raw.Split('#')[0].Trim();
                if (line.StartsWith("include ", StringComparison.Ordinal))
                {
                    var pattern = line["include ".Length..].Trim();
                    var dir = System.IO.Path.GetDirectoryName(pattern) ?? "/etc";
                    if (Directory.Exists(dir))
                    {
                        foreach (var included in Directory.EnumerateFiles(dir, System.IO.Path.GetFileName(pattern)).Order(StringComparer.Ordinal))
                            files.Enqueue(included);
                    }
                }
                else if (line.StartsWith('/'))
                {
                    yield return line;
                }
            }
        }
    }

    private static List<string> FilesIn(string dir)
    {
        if (!Directory.Exists(dir))
            return [];
        try
        {
            return Directory.EnumerateFileSystemEntries(dir, "libpcsclite.so*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? RealPath(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return null;
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists)
                return null;
            // Resolve symlinked directories too (/lib -> usr/lib on merged-/usr systems).
            var dir = new DirectoryInfo(target.DirectoryName!);
            var realDir = RealDirectory(dir);
            return System.IO.Path.Combine(realDir, target.Name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string RealDirectory(DirectoryInfo dir)
    {
        if (dir.Parent is null)
            return dir.FullName;
        var parent = RealDirectory(dir.Parent);
        var here = new DirectoryInfo(System.IO.Path.Combine(parent, dir.Name));
        if (here.LinkTarget is not null && here.ResolveLinkTarget(returnFinalTarget: true) is DirectoryInfo linked)
            return RealDirectory(linked);
        return here.FullName;
    }

    /// <summary>The release of a library file: from the Debian package that owns it, else a libpcsclite.pc beside it.</summary>
    private static (Version? Release, string Origin) Identify(string realPath)
    {
        if (DebianPackages.Owner(realPath) is { } owner)
            return (PcscLiteReleases.ParseRelease(owner.Version), $"Debian package {owner.Package} {owner.Version}");
        var pc = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(realPath)!, "pkgconfig", "libpcsclite.pc");
        if (File.Exists(pc))
        {
            var version = File.ReadLines(pc).FirstOrDefault(l => l.StartsWith("Version:", StringComparison.Ordinal))?["Version:".Length..].Trim();
            if (PcscLiteReleases.ParseRelease(version) is { } release)
                return (release, $"pkg-config file {pc}");
        }
        return (null, "release unknown (no package owns it, no libpcsclite.pc beside it)");
    }

    private static bool SameBytes(string a, string b)
    {
        try
        {
            var left = new FileInfo(a);
            var right = new FileInfo(b);
            return left.Length == right.Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
