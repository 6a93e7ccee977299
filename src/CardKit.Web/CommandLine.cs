namespace CardKit.Web;

/// <summary>
/// cardkit-web's own options turned into configuration keys: <c>--db VALUE</c>, <c>--list FILE</c>,
/// <c>--console</c> (a flag). Everything else (<c>--urls</c>, <c>--environment</c>, any
/// <c>--Section:Key=value</c>) is ASP.NET Core's and passes through unchanged.
/// </summary>
public static class CommandLine
{
    /// <summary>The address served when none is given: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The arguments as ASP.NET Core's command-line configuration reads them.</summary>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Count + 2);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Count:
                    result.Add($"--{WebServiceOptions.Section}:Db={args[++i]}");
                    break;
                case "--list" when i + 1 < args.Count:
                    result.Add($"--{WebServiceOptions.Section}:List={args[++i]}");
                    break;
                case "--console":
                    result.Add($"--{WebServiceOptions.Section}:Console=true");
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }
        return [.. result];
    }
}
