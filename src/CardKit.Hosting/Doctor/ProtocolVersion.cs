using System.Globalization;

namespace CardKit.Hosting.Doctor;

/// <summary>
/// The version of pcsc-lite's private client/daemon protocol (winscard_msg.h PROTOCOL_VERSION_MAJOR and
/// PROTOCOL_VERSION_MINOR), "4:4". Only libpcsclite and pcscd speak it; a mismatch is SCARD_E_SERVICE_STOPPED.
/// </summary>
internal readonly record struct ProtocolVersion(int Major, int Minor)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}:{Minor}");
}

/// <summary>
/// Which pcsc-lite release speaks which protocol, and what each accepts from the other side. Source:
/// the protocol history table of the pcsc-lite maintainer ("pcsc-lite backward &amp; forward compatible
/// with itself", January 2026) and winscard_msg.h of each release: 4:2 up to 1.8.8, 4:3 from 1.8.9,
/// 4:4 from 1.8.24 to 2.2.x, 4:5 from 2.3.0, 4:6 from 2.5.0. Until 2.4.0 both sides require the exact
/// version (winscard_svc.c CMD_VERSION); from 2.4.1 each side also accepts older minors down to 4.
/// </summary>
internal static class PcscLiteReleases
{
    private static readonly (Version From, int Minor, int LowestAccepted)[] Table =
    [
        (new Version(1, 6, 5), 2, 2),
        (new Version(1, 8, 9), 3, 3),
        (new Version(1, 8, 24), 4, 4),
        (new Version(2, 3, 0), 5, 5),
        (new Version(2, 4, 1), 5, 4),
        (new Version(2, 5, 0), 6, 4),
    ];

    /// <summary>The protocol <paramref name="release"/> speaks and the lowest minor it accepts; null for releases before 1.6.5.</summary>
    public static (ProtocolVersion Speaks, int LowestAccepted)? Protocol(Version release)
    {
        ArgumentNullException.ThrowIfNull(release);
        for (var i = Table.Length - 1; i >= 0; i--)
        {
            if (release >= Table[i].From)
                return (new ProtocolVersion(4, Table[i].Minor), Table[i].LowestAccepted);
        }
        return null;
    }

    /// <summary>The releases that speak <paramref name="protocol"/>: "pcsc-lite 1.8.24 to 2.2.x".</summary>
    public static string Speaking(ProtocolVersion protocol)
    {
        if (protocol.Major != 4)
            return "no pcsc-lite release CardKit knows";
        var rows = Table.Where(r => r.Minor == protocol.Minor).ToList();
        if (rows.Count == 0)
            return protocol.Minor > Table[^1].Minor ? $"a pcsc-lite newer than {Table[^1].From}" : "a pcsc-lite before 1.6.5";
        var first = rows[0].From;
        var next = Array.FindIndex(Table, r => r.Minor > protocol.Minor);
        return next < 0 ? $"pcsc-lite {first} and later" : $"pcsc-lite {first} to {Before(Table[next].From)}";
    }

    /// <summary>
    /// Whether a client and a daemon can talk: the daemon accepts the client's version, or (2.4.1 and
    /// later) the client falls back to the daemon's older version.
    /// </summary>
    public static bool Compatible(ProtocolVersion client, int clientLowest, ProtocolVersion daemon, int daemonLowest) =>
        client.Major == daemon.Major
        && ((daemonLowest <= client.Minor && client.Minor <= daemon.Minor) || (clientLowest <= daemon.Minor && daemon.Minor <= client.Minor));

    /// <summary>The leading "major.minor.patch" of a version string ("1.9.9-2" -> 1.9.9, "2:2.0.3+dfsg" -> 2.0.3).</summary>
    public static Version? ParseRelease(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var span = text.AsSpan().Trim();
        var colon = span.IndexOf(':');
        if (colon >= 0 && colon < span.Length - 1 && int.TryParse(span[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            span = span[(colon + 1)..]; // Debian epoch
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.'))
            end++;
        return Version.TryParse(span[..end].TrimEnd('.'), out var version) && version.Build >= 0 ? version
            : Version.TryParse(span[..end].TrimEnd('.'), out version) ? new Version(version.Major, version.Minor, 0)
            : null;
    }

    private static string Before(Version next) => next switch
    {
        { Build: 0, Minor: 0 } => $"{next.Major - 1}.x",
        { Build: 0 } => $"{next.Major}.{next.Minor - 1}.x",
        _ => $"{next.Major}.{next.Minor}.{next.Build - 1}",
    };
}
