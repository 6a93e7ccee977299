using System.Globalization;

namespace CardKit.Hosting.Doctor;

/// <summary>A vpcd reader declared in pcscd's reader configuration (reader.conf(5)).</summary>
/// <param name="FriendlyName">FRIENDLYNAME: pcscd names its slots "NAME 00 00", "NAME 00 01".</param>
/// <param name="BasePort">The TCP port of slot 0 (DEVICENAME "/dev/null:PORT", else CHANNELID); slot n listens on BasePort + n.</param>
/// <param name="Library">LIBPATH, the vpcd driver.</param>
/// <param name="File">The configuration file.</param>
internal sealed record VpcdReader(string FriendlyName, int BasePort, string Library, string File)
{
    /// <summary>The vpcd readers configured in <paramref name="configDirectory"/> (pcscd's configdir, /etc/reader.conf.d).</summary>
    public static IReadOnlyList<VpcdReader> ReadAll(string configDirectory)
    {
        if (!Directory.Exists(configDirectory))
            return [];
        var readers = new List<VpcdReader>();
        foreach (var file in Directory.EnumerateFiles(configDirectory).Order(StringComparer.Ordinal))
        {
            try
            {
                readers.AddRange(Parse(System.IO.File.ReadAllLines(file), file).Where(r => r.Library.Contains("ifdvpcd", StringComparison.Ordinal)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // unreadable: pcscd (root) may still read it; nothing to report from here
            }
        }
        return readers;
    }

    /// <summary>
    /// Reads reader.conf stanzas: FRIENDLYNAME, DEVICENAME, LIBPATH, CHANNELID; a stanza ends at the
    /// next FRIENDLYNAME. Stanzas without a port are left out.
    /// </summary>
    public static IEnumerable<VpcdReader> Parse(IEnumerable<string> lines, string file)
    {
        string? name = null, device = null, library = null, channel = null;
        foreach (var raw in lines.Append("FRIENDLYNAME"))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
                continue;
            var space = line.IndexOfAny([' ', '\t']);
            var keyword = space < 0 ? line : line[..space];
            var value = space < 0 ? "" : line[space..].Trim().Trim('"');
            switch (keyword)
            {
                case "FRIENDLYNAME":
                    if (name is not null && library is not null && Port(device, channel) is { } port)
                        yield return new VpcdReader(name, port, library, file);
                    (name, device, library, channel) = (value, null, null, null);
                    break;
                case "DEVICENAME": device = value; break;
                case "LIBPATH": library = value; break;
                case "CHANNELID": channel = value; break;
            }
        }
    }

    private static int? Port(string? device, string? channel)
    {
        var colon = device?.LastIndexOf(':') ?? -1;
        if (colon >= 0 && Number(device![(colon + 1)..]) is { } fromDevice)
            return fromDevice;
        return channel is null ? null : Number(channel);
    }

    private static int? Number(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex is > 0 and < 65536 ? hex : null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && dec is > 0 and < 65536 ? dec : null;
}
