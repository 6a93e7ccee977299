using System.Globalization;
using System.Text;
using CardKit.Hosting;
using CardKit.Iso7816;
using CardKit.Scripting;
using CardKit.Web.CardConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CardKit.Web.Pages.Console;

/// <summary>
/// <c>/console/script</c> (gscriptor's job): a script in the scriptor syntax with <c>= expected</c>
/// checks, run on a reader or a built-in virtual card by the library's <see cref="ScriptRunner"/>;
/// each command decoded, each response with its status word explained and its expectation marked.
/// Scripts are saved by download and loaded by upload; nothing is kept on the server.
/// </summary>
public sealed class ScriptModel : PageModel
{
    /// <summary>The largest script accepted for upload.</summary>
    public const int MaxScript = 16 * 1024;

    /// <summary>The script shown first: the virtual SIM's PIN, then its first phone book record.</summary>
    public const string Example = """
        # GSM 11.11
        A0 20 00 01 08 31 32 33 34 FF FF FF FF = 90 00
        A0 A4 00 00 02 7F 10 = * 90 00
        A0 A4 00 00 02 6F 3A = * 90 00
        A0 B2 01 04 1E = * 90 00
        """;

    /// <summary>The reader designation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reader { get; set; }

    /// <summary>The script text.</summary>
    [BindProperty]
    public string Text { get; set; } = Example;

    /// <summary>The readers to choose from.</summary>
    public IReadOnlyList<string> Readers { get; private set; } = [];

    /// <summary>The results of the last run, one per step, with the command decoded and the status word explained in the page's language.</summary>
    public IReadOnlyList<(ScriptStepResult Result, ApduDescription? Decoded, string? Meaning)>? Results { get; private set; }

    /// <summary>How many expectations were checked and how many failed.</summary>
    public (int Checked, int Mismatches) Summary { get; private set; }

    /// <summary>A problem to show (resource key), with the library's explanation.</summary>
    public (string Key, string? Detail)? Problem { get; private set; }

    /// <summary>Shows the editor.</summary>
    public void OnGet() => ListReaders();

    /// <summary>Runs the script.</summary>
    public IActionResult OnPostRun()
    {
        ListReaders();
        List<ScriptStep> steps;
        try
        {
            steps = ApduScript.Parse(Text);
        }
        catch (CardKitFormatException e)
        {
            Problem = ("Script.ParseError", e.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var results = new List<(ScriptStepResult, ApduDescription?, string?)>();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            using var channel = CardReaders.Open(string.IsNullOrEmpty(Reader) ? "emu:sim" : Reader);
            var runner = new ScriptRunner(new CardSession(channel));
            foreach (var result in runner.Run(steps))
            {
                var step = steps.First(s => s.Line == result.Line);
                if (step.Kind == ScriptStepKind.Apdu && result.Response is { } response)
                    results.Add((result, ApduDecoder.Describe(step.Command, culture), StatusWords.Describe(step.Command, response.StatusWord, culture)));
                else
                    results.Add((result, null, null));
            }
            Summary = (runner.Checked, runner.Mismatches.Count);
        }
        catch (CardKitException e)
        {
            Problem = (e is CardStatusException or CardChannelException ? "Phonebook.CardSaidNo" : "Phonebook.Unavailable", e.Message);
        }
        Results = results;
        return Page();
    }

    /// <summary>Sends the script back as a file.</summary>
    public IActionResult OnPostDownload() =>
        File(Encoding.UTF8.GetBytes(Text.Replace("\r\n", "\n", StringComparison.Ordinal)), "text/plain; charset=utf-8", "cardkit.script");

    /// <summary>Loads an uploaded script into the editor.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        ListReaders();
        if (file is null || file.Length == 0 || file.Length > MaxScript)
        {
            Problem = ("Script.UploadProblem", null);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        Text = await reader.ReadToEndAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        return Page();
    }

    private void ListReaders()
    {
        var (pcsc, virtualCards, _) = ConsoleReaders.List();
        Readers = [.. virtualCards, .. pcsc];
    }
}
