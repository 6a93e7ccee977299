using System.Text.Json;
using CardKit.Atr;
using CardKit.Pcsc;
using CardKit.Web.Atr;

namespace CardKit.Web.CardConsole;

/// <summary>
/// <c>GET /console/events</c>: server-sent events from the PC/SC reader monitor (the current state
/// first, then every change, pcscd going away and coming back included), each card's ATR decoded
/// and identified against the catalog.
/// </summary>
public static class ReaderEventsEndpoint
{
    /// <summary>Maps the route.</summary>
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/console/events", StreamAsync).ExcludeFromDescription();

    private static async Task StreamAsync(HttpContext context, AtrCatalog catalog)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Nothing between the monitor and the browser may hold events back.
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var monitor = new ReaderMonitor();
        try
        {
            await foreach (var e in monitor.WatchAsync(context.RequestAborted).ConfigureAwait(false))
            {
                var json = JsonSerializer.Serialize(Describe(e, catalog.Current), WebJsonContext.Default.ConsoleReaderEvent);
                await context.Response.WriteAsync($"data: {json}\n\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    /// <summary>The page's view of <paramref name="e"/>: the ATR decoded and identified.</summary>
    public static ConsoleReaderEvent Describe(ReaderEvent e, AtrCatalogSnapshot catalog)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(catalog);
        if (e.Kind == ReaderEventKind.CardInserted && e.Atr.Length > 0)
        {
            var atr = AtrParser.Parse(e.Atr);
            var identified = catalog.Match(atr.Bytes).SelectMany(m => m.Descriptions).ToList();
            return new ConsoleReaderEvent(e.Kind.ToString(), e.ReaderName, atr.ToString(), atr.IsValid,
                string.Join(", ", atr.Protocols.Select(p => "T=" + p)), identified, e.Time);
        }
        return new ConsoleReaderEvent(e.Kind.ToString(), e.ReaderName, null, null, null, [], e.Time);
    }
}
