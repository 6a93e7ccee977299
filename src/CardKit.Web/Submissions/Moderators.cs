using Microsoft.AspNetCore.Identity;

namespace CardKit.Web.Submissions;

/// <summary>Moderator accounts (ASP.NET Core Identity, hashed passwords).</summary>
public static class Moderators
{
    /// <summary>The environment variable <c>add-moderator</c> reads the password from (else the first line of stdin).</summary>
    public const string PasswordVariable = "CARDKIT_MODERATOR_PASSWORD";

    /// <summary>Creates moderator <paramref name="name"/>, or sets a new password when the account exists; returns the errors.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(UserManager<IdentityUser> users, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (await users.FindByNameAsync(name).ConfigureAwait(false) is { } existing)
        {
            var token = await users.GeneratePasswordResetTokenAsync(existing).ConfigureAwait(false);
            var reset = await users.ResetPasswordAsync(existing, token, password).ConfigureAwait(false);
            return [.. reset.Errors.Select(e => e.Description)];
        }
        var created = await users.CreateAsync(new IdentityUser(name), password).ConfigureAwait(false);
        return [.. created.Errors.Select(e => e.Description)];
    }
}
