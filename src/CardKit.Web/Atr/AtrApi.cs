using CardKit.Atr;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CardKit.Web.Atr;

/// <summary>
/// The JSON routes of the public smartcard-atr service (same names and parameters) and CardKit's
/// own: <c>/V1/parse2json?ATR=</c>, <c>/V1/match?ATR=</c>, <c>/api/atr/{hex}</c>.
/// </summary>
public static class AtrApi
{
    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/V1").WithTags("smartcard-atr compatible");
        v1.MapGet("/parse2json", Parse2Json)
            .Produces<AtrParseDocument>(StatusCodes.Status200OK, "application/json")
            .WithName("parse2json")
            .WithSummary("Decode an ATR in the public smartcard-atr service's parse2json shape.");
        v1.MapGet("/match", Match)
            .WithName("match")
            .WithSummary("The smartcard_list.txt patterns that match an ATR, each with its descriptions.");
        routes.MapGet("/api/atr/{hex}", Report)
            .WithTags("CardKit")
            .WithName("atr")
            .WithSummary("CardKit's own report on an ATR: the record `cardkit atr --json` prints (every byte explained, defects, matches).");
    }

    /// <summary>GET /api/atr/{hex}: the <see cref="AtrReport"/> of the library, matched against the installed list and the accepted submissions.</summary>
    public static Results<JsonHttpResult<AtrReport>, ProblemHttpResult> Report(string hex, AtrCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (AtrQuery.TryParse(hex, out var error) is not { } parsed)
            return BadAtr(error!);
        return TypedResults.Json(AtrReport.Create(parsed, catalog.Current.Match(parsed.Bytes)), CardKitJsonContext.Default.AtrReport);
    }

    /// <summary>GET /V1/parse2json?ATR=...</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> Parse2Json([FromQuery(Name = "ATR")] string? atr, ParseDocumentCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (AtrQuery.TryParse(atr, out var error) is not { } parsed)
            return BadAtr(error!);
        return TypedResults.Bytes(cache.Get(parsed), "application/json; charset=utf-8");
    }

    /// <summary>GET /V1/match?ATR=...</summary>
    public static Results<JsonHttpResult<Dictionary<string, IReadOnlyList<string>>>, ProblemHttpResult> Match([FromQuery(Name = "ATR")] string? atr, AtrCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (AtrQuery.TryParse(atr, out var error) is not { } parsed)
            return BadAtr(error!);
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var entry in catalog.Current.Match(parsed.Bytes))
        {
            if (result.TryGetValue(entry.Pattern, out var known))
                result[entry.Pattern] = [.. known, .. entry.Descriptions];
            else
                result[entry.Pattern] = entry.Descriptions;
        }
        return TypedResults.Json(result, WebJsonContext.Default.DictionaryStringIReadOnlyListString);
    }

    private static ProblemHttpResult BadAtr(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Not an ATR");
}
