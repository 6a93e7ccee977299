using System.Globalization;

namespace CardKit.Hosting.Doctor;

/// <summary>The TCP ports something listens on, and on which addresses, from /proc/net/tcp and tcp6 (proc(5)).</summary>
internal sealed class TcpListeners
{
    private readonly Dictionary<int, List<string>> _addresses;

    private TcpListeners(Dictionary<int, List<string>> addresses) => _addresses = addresses;

    /// <summary>The local addresses listening on <paramref name="port"/> ("0.0.0.0", "127.0.0.1", "::").</summary>
    public IReadOnlyList<string> On(int port) => _addresses.TryGetValue(port, out var list) ? list : [];

    public static TcpListeners Read(string procRoot)
    {
        var addresses = new Dictionary<int, List<string>>();
        foreach (var file in new[] { "tcp", "tcp6" })
        {
            try
            {
                Parse(File.ReadLines(Path.Combine(procRoot, "net", file)), addresses);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // no IPv6, or no procfs
            }
        }
        return new TcpListeners(addresses);
    }

    /// <summary>Reads "sl local_address rem_address st ..." lines; st 0A is TCP_LISTEN. Other lines are skipped.</summary>
    public static void Parse(IEnumerable<string> lines, Dictionary<int, List<string>> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || fields[3] != "0A")
                continue;
            var local = fields[1].Split(':');
            if (local.Length != 2 || !int.TryParse(local[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var port))
                continue;
            var address = local[0].All(c => c == '0') ? (local[0].Length == 8 ? "0.0.0.0" : "::")
                : local[0] == "0100007F" ? "127.0.0.1"
                : local[0] == "00000000000000000000000001000000" ? "::1"
                : local[0];
            if (!into.TryGetValue(port, out var list))
                into[port] = list = [];
            if (!list.Contains(address))
                list.Add(address);
        }
    }

    /// <summary>True when an address means every interface (0.0.0.0 or ::).</summary>
    public static bool IsAnyAddress(string address) => address is "0.0.0.0" or "::";
}
