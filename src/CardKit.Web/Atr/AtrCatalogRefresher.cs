using Microsoft.Extensions.Options;

namespace CardKit.Web.Atr;

/// <summary>
/// Loads the catalog at start, then checks every few seconds for submissions accepted through
/// another instance sharing the database, so every instance matches them.
/// </summary>
public sealed class AtrCatalogRefresher(AtrCatalog catalog, IOptions<WebServiceOptions> options, ILogger<AtrCatalogRefresher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.ListRefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await catalog.RefreshLocalAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "could not refresh the accepted submissions; matching goes on with the previous list");
            }
        }
    }
}
