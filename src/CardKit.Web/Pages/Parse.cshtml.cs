using System.Globalization;
using CardKit.Atr;
using CardKit.Web.Atr;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CardKit.Web.Pages;

/// <summary>
/// <c>GET /parse?ATR=...</c>: every byte with its meaning as a tree, how common each value is among
/// the known cards, the defects with their offsets, the matching list entries with their patterns,
/// and for an unknown ATR the submission form. A defective ATR is decoded as far as it goes (200);
/// text that is not hex at all gets 400 with the reason.
/// </summary>
public sealed class ParseModel(AtrCatalog catalog) : PageModel
{
    /// <summary>The ATR as the visitor typed it.</summary>
    [BindProperty(SupportsGet = true, Name = "ATR")]
    public string? Input { get; set; }

    /// <summary>Set after a submission was stored (Post/Redirect/Get).</summary>
    [BindProperty(SupportsGet = true, Name = "submitted")]
    public bool Submitted { get; set; }

    /// <summary>Why the input is not an ATR, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The decoded ATR, or null when the input is not hex.</summary>
    public AnswerToReset? Atr { get; private set; }

    /// <summary>The explanation lines as a tree (historical bytes under their line).</summary>
    public IReadOnlyList<AtrNode> Tree { get; private set; } = [];

    /// <summary>The list entries that match.</summary>
    public IReadOnlyList<AtrListEntry> Matches { get; private set; } = [];

    /// <summary>The catalog the page was computed from.</summary>
    public AtrCatalogSnapshot Catalog { get; private set; } = null!;

    /// <summary>The ATR in upper-case hex without separators, for links.</summary>
    public string Compact => Atr is null ? "" : Hex.Format(Atr.Bytes, '\0');

    /// <summary>Decodes and identifies the ATR.</summary>
    public IActionResult OnGet()
    {
        Catalog = catalog.Current;
        if (Input is null)
            return Redirect("/");
        Atr = AtrQuery.TryParse(Input, out var error);
        if (Atr is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Tree = AtrNode.Build(AtrExplanation.Explain(Atr, CultureInfo.CurrentUICulture));
        Matches = Catalog.Match(Atr.Bytes);
        return Page();
    }

    /// <summary>"TA1 = 96: 11% of known ATRs" for a byte of the ATR, or null for fields without statistics.</summary>
    public string? Share(AtrLine line, string format)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Bytes.Length != 2 || !IsCountedField(line.Field) || !byte.TryParse(line.Bytes, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            return null;
        return Catalog.Share(line.Field, value) is { } percent
            ? string.Format(CultureInfo.CurrentCulture, format, line.Field, line.Bytes, percent / 100.0)
            : null;
    }

    private static bool IsCountedField(string field) =>
        field is "TS" or "T0" or "TCK" || (field.Length == 3 && field[0] == 'T' && field[1] is 'A' or 'B' or 'C' or 'D' && field[2] is >= '1' and <= '3');
}
