namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// GnuPG's smart-card daemon and its options file, GNUPGHOME/scdaemon.conf (GnuPG manual, "Option
/// Summary" of scdaemon): one option per line, "#" starts a comment.
/// </summary>
internal sealed record ScdaemonConfig(string? Path, bool Exists, IReadOnlySet<string> Options, IReadOnlyList<ProcessInfo> Running, bool Installed)
{
    private static readonly string[] Executables = ["/usr/lib/gnupg/scdaemon", "/usr/libexec/scdaemon", "/usr/lib/gnupg2/scdaemon", "/usr/local/libexec/scdaemon"];

    public static async Task<ScdaemonConfig> ReadAsync(DoctorContext context)
    {
        var processes = await context.Processes.ConfigureAwait(false);
        var running = processes.Named("scdaemon").ToList();
        var path = context.Options.GnupgHome is { } home ? System.IO.Path.Combine(home, "scdaemon.conf") : null;
        var options = new HashSet<string>(StringComparer.Ordinal);
        var exists = path is not null && File.Exists(path);
        if (exists)
        {
            foreach (var raw in await File.ReadAllLinesAsync(path!).ConfigureAwait(false))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                options.Add(line.Split([' ', '\t'], 2)[0]);
            }
        }
        return new ScdaemonConfig(path, exists, options, running, running.Count > 0 || Executables.Any(File.Exists));
    }

    public string Describe() => Path is null ? "no GnuPG home (neither GNUPGHOME nor HOME is set)"
        : Exists ? $"{Path}: {(Options.Count == 0 ? "no options" : string.Join(", ", Options.Order(StringComparer.Ordinal)))}"
        : $"{Path} does not exist (scdaemon uses its defaults)";

    public string RunningText => Running.Count == 0 ? "scdaemon is installed, not running (gpg starts it on demand)" : $"running: {string.Join(", ", Running.Select(p => p.Describe()))}";
}
