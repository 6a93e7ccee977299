namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// Inside a Flatpak sandbox (/.flatpak-info, flatpak-metadata(5)): the application needs the pcsc socket
/// permission to reach the host's pcscd, and its runtime brings its own libpcsclite (see "protocol").
/// </summary>
internal sealed class FlatpakCheck : IDoctorCheck
{
    private const string InfoFile = "/.flatpak-info";

    public string Id => "flatpak";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "Flatpak");
        if (!File.Exists(InfoFile))
            return DoctorCheckResult.Skipped(Id, $"not inside a Flatpak sandbox (no {InfoFile})");
        var info = ReadKeyFile(await File.ReadAllLinesAsync(InfoFile, cancellationToken).ConfigureAwait(false));
        var app = info.GetValueOrDefault("Application.name") ?? "the application";
        var runtime = info.GetValueOrDefault("Application.runtime") ?? "unknown runtime";
        var socketList = (info.GetValueOrDefault("Context.sockets") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var libraries = await context.Libraries.ConfigureAwait(false);
        List<string> evidence =
        [
            $"{InfoFile}: application {app}, runtime {runtime}",
            $"sockets: {(socketList.Length == 0 ? "none" : string.Join(", ", socketList))}",
            $"the sandbox's client library: {libraries.Loaded?.Path ?? "none"} ({(libraries.Loaded?.Release is { } r ? $"pcsc-lite {r}" : "release unknown")})",
            $"socket in the sandbox: {context.Options.SocketPath}",
        ];
        if (!socketList.Contains("pcsc"))
        {
            return new DoctorCheckResult(Id, DoctorStatus.Fail, $"{app} runs without the pcsc socket permission: pcscd is out of its reach",
                evidence, $"flatpak override --user --socket=pcsc {app}   # on the host, then restart {app}");
        }
        return new DoctorCheckResult(Id, DoctorStatus.Ok, $"{app} has the pcsc socket permission (the runtime's pcsc-lite is compared in \"protocol\")", evidence, null);
    }

    /// <summary>A GKeyFile ("[Group]" then "key=value") as "Group.key" -> value.</summary>
    private static Dictionary<string, string> ReadKeyFile(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var group = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
                group = line[1..^1];
            else if (line.IndexOf('=') is > 0 and var equals && !line.StartsWith('#'))
                values.TryAdd($"{group}.{line[..equals].Trim()}", line[(equals + 1)..].Trim());
        }
        return values;
    }
}
