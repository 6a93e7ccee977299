using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CardKit.Web.Pages.Admin;

/// <summary><c>/admin/login</c>: moderators log in (ASP.NET Core Identity; locked for a while after 10 failures).</summary>
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>True after a failed attempt.</summary>
    public bool Failed { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password; on success goes to the review queue.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] string? userName, [FromForm] string? password)
    {
        if (!string.IsNullOrEmpty(userName) && !string.IsNullOrEmpty(password))
        {
            var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
            if (result.Succeeded)
                return Redirect("/admin");
        }
        Failed = true;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
