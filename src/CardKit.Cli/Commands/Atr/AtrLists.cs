using CardKit.Atr;
using CardKit.Hosting;

namespace CardKit.Cli.Commands.Atr;

/// <summary>
/// The CLI's choices around ATR reports: which smartcard_list.txt (--list, else the search path of
/// CardKit.Hosting), where unknown ATRs are submitted (CARDKIT_ATR_SUBMIT_URL), colour.
/// </summary>
internal static class AtrLists
{
    /// <summary>The environment variable that points submission links at a self-hosted service.</summary>
    public const string SubmitUrlVariable = "CARDKIT_ATR_SUBMIT_URL";

    /// <summary>The list from --list, else the first of the search path; null (with the reason on stderr) when there is none.</summary>
    public static SmartcardList? Load(string? path, CliOutput output) =>
        Path(path, output) is { } found ? SmartcardListFiles.Load(found) : null;

    /// <summary>The --list file (which must exist), else the first of the search path; null, said on stderr, when there is none.</summary>
    public static string? Path(string? path, CliOutput output)
    {
        if (path is not null)
            return File.Exists(path) ? path : throw CliException.Usage($"ATR list '{path}' not found");
        if (SmartcardListFiles.FindDefault() is { } found)
            return found;
        output.Error.WriteLine($"cardkit: no smartcard_list.txt in {string.Join(", ", SmartcardListFiles.SearchPath())}; install pcsc-tools or give --list. Decoding only.");
        return null;
    }

    /// <summary>How the text report is laid out for this output.</summary>
    public static AtrTextOptions TextOptions(string? listSource, CliOutput output, string indent = "") => new()
    {
        ListSource = listSource,
        SubmitBaseUrl = Environment.GetEnvironmentVariable(SubmitUrlVariable),
        Color = output.Color,
        Indent = indent,
    };
}
