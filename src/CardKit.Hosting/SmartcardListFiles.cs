using System.Text;
using CardKit.Atr;

namespace CardKit.Hosting;

/// <summary>
/// Where smartcard_list.txt (pcsc-tools' public ATR list) is found on this machine, in the order
/// pcsc-tools' own update script and CardKit look: $XDG_CACHE_HOME (or ~/.cache), ~/.smartcard_list.txt,
/// then the copies pcsc-tools installs. The list itself is GPL data: read at run time, never copied.
/// </summary>
public static class SmartcardListFiles
{
    /// <summary>The candidate paths, in order.</summary>
    public static IReadOnlyList<string> SearchPath()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".cache");
        return
        [
            Path.Combine(cache, "smartcard_list.txt"),
            Path.Combine(home, ".smartcard_list.txt"),
            "/usr/share/pcsc/smartcard_list.txt",
            "/usr/local/share/pcsc/smartcard_list.txt",
        ];
    }

    /// <summary>The first existing file of <see cref="SearchPath"/>, or null.</summary>
    public static string? FindDefault() => SearchPath().FirstOrDefault(File.Exists);

    /// <summary>Reads and compiles the list at <paramref name="path"/>; its <see cref="SmartcardList.Source"/> is the path.</summary>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is not there).</exception>
    public static SmartcardList Load(string path)
    {
        using var reader = Open(path);
        return SmartcardList.Parse(reader, path);
    }

    /// <summary>Identifies one ATR straight from the file at <paramref name="path"/> (see <see cref="SmartcardList.MatchStreaming"/>).</summary>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it is not there).</exception>
    public static List<AtrListEntry> Match(string path, ReadOnlySpan<byte> atr)
    {
        using var reader = Open(path);
        return SmartcardList.MatchStreaming(reader, atr);
    }

    // The list (about 480 KB) is read in 64 KB blocks by the reader alone: 8 reads instead of 120.
    private static StreamReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
}
