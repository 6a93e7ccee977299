using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CardKit.Web.Pages.Admin;

/// <summary><c>POST /admin/logout</c>: ends the moderator's session.</summary>
public sealed class LogoutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>Nothing to show on GET.</summary>
    public IActionResult OnGet() => Redirect("/admin");

    /// <summary>Signs out and goes back to the start page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect("/");
    }
}
