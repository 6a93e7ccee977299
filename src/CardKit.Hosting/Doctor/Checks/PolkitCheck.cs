using System.Xml;
using CardKit.Pcsc;

namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// polkit: a pcscd built with polkit asks it whether a client may use PC/SC (action
/// org.debian.pcsc-lite.access_pcsc, at SCardEstablishContext) and a reader (access_card, at
/// SCardConnect); a refused client gets SCARD_E_NO_ACCESS or a closed connection.
/// </summary>
internal sealed class PolkitCheck : IDoctorCheck
{
    private const string PolicyFile = "/usr/share/polkit-1/actions/org.debian.pcsc-lite.policy";
    private static readonly string[] RuleDirectories = ["/etc/polkit-1/rules.d", "/usr/share/polkit-1/rules.d"];
    private const uint NoAccess = 0x80100027; // SCARD_E_NO_ACCESS (pcsclite.h)

    public string Id => "polkit";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "pcscd's polkit policy");
        var installation = await context.Installation.ConfigureAwait(false);
        if (!installation.Installed)
            return DoctorCheckResult.Skipped(Id, "pcscd is not installed");
        var evidence = new List<string> { $"pcscd features: {string.Join(' ', installation.Features)}" };
        if (!installation.Has("polkit"))
            return new DoctorCheckResult(Id, DoctorStatus.Ok, $"pcscd {installation.Release} is built without polkit: it asks no one before serving a client", evidence, null);

        var defaults = File.Exists(PolicyFile) ? ReadDefaults(PolicyFile) : [];
        evidence.Add(File.Exists(PolicyFile) ? $"{PolicyFile}:" : $"{PolicyFile} does not exist");
        evidence.AddRange(defaults.Select(d => $"  {d.Key}: {d.Value}"));
        var rules = RuleDirectories
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.rules"))
            .Where(f => File.ReadAllText(f).Contains("pcsc", StringComparison.OrdinalIgnoreCase))
            .ToList();
        evidence.Add(rules.Count == 0 ? "no polkit rules mention pcsc" : $"rules that mention pcsc: {string.Join(", ", rules)}");

        var readers = await context.Readers.ConfigureAwait(false);
        var probe = await context.Probe.ConfigureAwait(false);
        var refused = readers.Error is { } error && (uint)error == NoAccess || probe.Outcome == ProbeOutcome.Closed;
        if (refused)
        {
            evidence.Add(readers.Error is { } e ? $"SCardEstablishContext: {ScardErrors.Name(e)}" : "pcscd closed the connection before answering");
            var user = Environment.UserName;
            return new DoctorCheckResult(Id, DoctorStatus.Fail, $"polkit refuses PC/SC to user {user} (SCARD_E_NO_ACCESS)", evidence,
                $"allow it in /etc/polkit-1/rules.d/50-pcscd-{user}.rules: polkit.addRule(function(action, subject) {{ if ((action.id == \"org.debian.pcsc-lite.access_pcsc\" || action.id == \"org.debian.pcsc-lite.access_card\") && subject.user == \"{user}\") return polkit.Result.YES; }});");
        }
        return new DoctorCheckResult(Id, DoctorStatus.Ok, "polkit lets this user use PC/SC", evidence, null);
    }

    /// <summary>action id -> "allow_any=no allow_inactive=no allow_active=yes" from a polkit policy (polkit(8), "Declaring Actions").</summary>
    private static Dictionary<string, string> ReadDefaults(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document.Load(reader);
            foreach (XmlElement action in document.GetElementsByTagName("action"))
            {
                var defaults = action["defaults"];
                if (defaults is null)
                    continue;
                result[action.GetAttribute("id")] = string.Join(' ', defaults.ChildNodes.OfType<XmlElement>().Select(e => $"{e.Name}={e.InnerText.Trim()}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            result["(unreadable)"] = e.Message;
        }
        return result;
    }
}
