using System.Text;
using CardKit.Atr;
using CardKit.Hosting;
using CardKit.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CardKit.Web.Atr;

/// <summary>
/// The card list every request matches against: the installed smartcard_list.txt plus every
/// accepted submission. Loads are atomic (a request sees one snapshot); <see cref="ReloadAsync"/>
/// re-reads the file, <see cref="RefreshLocalAsync"/> picks up submissions accepted on any
/// instance (called after each accept and every few seconds by <see cref="AtrCatalogRefresher"/>).
/// </summary>
public sealed class AtrCatalog(Func<WebDb> databases, string? listPath, ILogger<AtrCatalog> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private SmartcardList _installed = SmartcardList.Parse(new StringReader(""), "");
    private AtrCatalogSnapshot? _current;

    /// <summary>The file the installed list came from, or null when there is none.</summary>
    public string? ListPath { get; private set; }

    /// <summary>The snapshot requests use now.</summary>
    public AtrCatalogSnapshot Current => _current ?? throw new InvalidOperationException("the catalog is not loaded yet");

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <summary>Reads the installed list again and the accepted submissions.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = listPath ?? SmartcardListFiles.FindDefault();
            if (path is not null && File.Exists(path))
            {
                _installed = SmartcardListFiles.Load(path);
                ListPath = path;
                if (_installed.InvalidPatterns.Count > 0)
                    logger.LogWarning("{Path}: {Count} pattern lines could not be compiled and are skipped", path, _installed.InvalidPatterns.Count);
            }
            else
            {
                logger.LogWarning("no smartcard_list.txt in {Places}; only accepted submissions identify cards (install pcsc-tools or give --list)",
                    string.Join(", ", listPath is null ? SmartcardListFiles.SearchPath() : [listPath]));
                ListPath = null;
            }
            await LoadLocalAsync(force: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Rebuilds the local list when a submission was accepted since the last load (here or on another instance).</summary>
    public async Task RefreshLocalAsync(CancellationToken cancellationToken = default)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadLocalAsync(force: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task LoadLocalAsync(bool force, CancellationToken cancellationToken)
    {
        var db = databases();
        await using (db.ConfigureAwait(false))
        {
            var accepted = db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Accepted);
            // Accepting sets ReviewedAt once; the count and the newest id say whether anything changed.
            var count = await accepted.CountAsync(cancellationToken).ConfigureAwait(false);
            var newest = await accepted.MaxAsync(s => (long?)s.Id, cancellationToken).ConfigureAwait(false) ?? 0;
            var version = count * 1_000_000_000L + newest;
            if (!force && _current is { } current && current.LocalVersion == version)
                return;
            var entries = await accepted.OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var local = SmartcardList.Parse(new StringReader(ListLines(entries)), "accepted submissions");
            _current = new AtrCatalogSnapshot(_installed, local, version, DateTimeOffset.UtcNow);
            logger.LogInformation("{Count} accepted submission(s) in the local list", entries.Count);
        }
    }

    /// <summary>
    /// Accepted submissions as smartcard_list.txt lines: the ATR, then a tab and the description, then
    /// the URL when it is http(s). Control characters become spaces so that a description stays one
    /// line (the stored text is kept as given).
    /// </summary>
    public static string ListLines(IEnumerable<Submission> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var text = new StringBuilder();
        foreach (var s in accepted)
        {
            text.Append(s.Atr).Append('\n');
            text.Append('\t').Append(OneLine(s.Description)).Append('\n');
            if (SafeLink(s.Url) is { } url)
                text.Append('\t').Append(OneLine(url)).Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The URL when it is an absolute http or https address, else null (rendered as text only).</summary>
    public static string? SafeLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static string OneLine(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
                chars[i] = ' ';
        }
        return new string(chars);
    }
}
