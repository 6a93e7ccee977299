using CardKit.Atr;

namespace CardKit.Web.Atr;

/// <summary>
/// One load of the card list: the installed smartcard_list.txt and the accepted submissions, each
/// compiled once and matched by every request until the next load replaces the snapshot.
/// </summary>
public sealed class AtrCatalogSnapshot
{
    internal AtrCatalogSnapshot(SmartcardList installed, SmartcardList local, long localVersion, DateTimeOffset loadedAt)
    {
        Installed = installed;
        Local = local;
        LocalVersion = localVersion;
        LoadedAt = loadedAt;
        Statistics = AtrStatistics.Of(AtrCorpus.FromList(installed));
        foreach (var entry in local.Entries)
        {
            if (AtrParser.TryParse(entry.Pattern, out var atr))
                Statistics.Add(atr!);
        }
    }

    /// <summary>The installed list (empty when none was found).</summary>
    public SmartcardList Installed { get; }

    /// <summary>The accepted submissions as list entries.</summary>
    public SmartcardList Local { get; }

    /// <summary>The highest accepted submission id included.</summary>
    public long LocalVersion { get; }

    /// <summary>When this snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Value distributions over the ATRs both lists name exactly ("TA1 = 96: 11% of known ATRs").</summary>
    public AtrStatistics Statistics { get; }

    /// <summary>Every entry of both lists that matches <paramref name="atr"/>: installed first, then local, in list order.</summary>
    public List<AtrListEntry> Match(ReadOnlySpan<byte> atr)
    {
        var matches = Installed.Match(atr);
        var local = Local.Match(atr);
        if (local.Count > 0)
            matches.AddRange(local);
        return matches;
    }

    /// <summary>The share of known ATRs with <paramref name="value"/> in <paramref name="field"/>, in percent; null when the corpus is empty.</summary>
    public double? Share(string field, byte value) =>
        Statistics.Count == 0 ? null : 100.0 * Statistics.CountOf(field, $"{value:X2}") / Statistics.Count;
}
