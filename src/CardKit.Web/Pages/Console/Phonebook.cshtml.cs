using System.Text;
using CardKit.Hosting;
using CardKit.Sim;
using CardKit.Web.CardConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CardKit.Web.Pages.Console;

/// <summary>
/// <c>/console/phonebook</c>: a SIM's phone book. GET shows the PIN state without spending a try;
/// POST verifies the PIN once through the library (refused when blocked or one try is left, never retried) and shows
/// the entries, or sends them as a vCard or CSV file. The PIN is never written back into the page.
/// </summary>
public sealed class PhonebookModel : PageModel
{
    /// <summary>The reader designation (a PC/SC reader or emu:sim, emu:usim).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reader { get; set; }

    /// <summary>The readers to choose from.</summary>
    public IReadOnlyList<string> Readers { get; private set; } = [];

    /// <summary>The PIN state read before asking for it.</summary>
    public ChvStatus? Status { get; private set; }

    /// <summary>The entries once the PIN was accepted.</summary>
    public IReadOnlyList<PhonebookEntry>? Entries { get; private set; }

    /// <summary>A problem to show (resource key), with the library's explanation.</summary>
    public (string Key, string? Detail)? Problem { get; private set; }

    /// <summary>Lists the readers and, for the chosen one, the PIN state.</summary>
    public void OnGet()
    {
        ListReaders();
        if (Reader is null)
            return;
        Use(session => Status = session.ReadChv1Status());
    }

    /// <summary>Verifies the PIN and shows the phone book, or sends it in <paramref name="format"/> (vcard, csv).</summary>
    public IActionResult OnPost([FromForm] string? pin, [FromForm] string? format)
    {
        ListReaders();
        if (Reader is null)
            return Page();
        IActionResult result = Page();
        Use(session =>
        {
            Status = session.ReadChv1Status();
            // The library's PIN safety, as on the command line: a blocked PIN or the last try is
            // refused before anything reaches the card, and a PIN is never retried.
            if (Status.Enabled && !Status.Verified)
            {
                try
                {
                    session.VerifyChv1(pin ?? "");
                }
                catch (CardKitException e) when (e.Category == ErrorCategory.Usage)
                {
                    Problem = ("Phonebook.PinFormat", null);
                    return;
                }
            }
            var entries = session.ReadPhonebook().ToList();
            if (format is "vcard" or "csv")
            {
                var text = new StringWriter();
                if (format == "vcard")
                    VCard.Write(text, entries);
                else
                    ContactCsv.Write(text, entries);
                result = File(Encoding.UTF8.GetBytes(text.ToString()), format == "vcard" ? "text/vcard; charset=utf-8" : "text/csv; charset=utf-8",
                    format == "vcard" ? "phonebook.vcf" : "phonebook.csv");
                return;
            }
            Entries = entries;
        });
        if (Problem is not null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

    private void ListReaders()
    {
        var (pcsc, virtualCards, _) = ConsoleReaders.List();
        Readers = [.. pcsc, .. virtualCards.Where(v => v != "emu:iso")];
    }

    private void Use(Action<SimSession> action)
    {
        try
        {
            using var channel = CardReaders.Open(Reader);
            action(SimSession.Open(channel));
        }
        catch (PinRefusedException e)
        {
            Problem = (e.Reason == PinRefusal.Blocked ? "Phonebook.Blocked" : "Phonebook.LastTry", null);
        }
        catch (CardStatusException e)
        {
            Problem = ("Phonebook.CardSaidNo", e.Message);
        }
        catch (CardKitException e)
        {
            Problem = ("Phonebook.Unavailable", e.Message);
        }
    }
}
