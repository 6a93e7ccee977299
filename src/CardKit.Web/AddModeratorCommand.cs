using CardKit.Web.Data;
using CardKit.Web.Submissions;
using Microsoft.AspNetCore.Identity;

namespace CardKit.Web;

/// <summary>
/// <c>cardkit-web add-moderator NAME [--db ...]</c>: creates a moderator account (or gives an existing
/// one a new password). The password comes from $CARDKIT_MODERATOR_PASSWORD or the first line of
/// stdin, never from an argument (arguments are visible to every user of the machine).
/// </summary>
public static class AddModeratorCommand
{
    /// <summary>Runs the command; 0 done, 2 usage, 1 refused (a password too weak).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"usage: cardkit-web add-moderator NAME [--db CONNECTION]; the password is read from ${Moderators.PasswordVariable} or stdin").ConfigureAwait(false);
            return 2;
        }
        var name = args[1];
        var password = Environment.GetEnvironmentVariable(Moderators.PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
                await Console.Error.WriteAsync($"password for {name}: ").ConfigureAwait(false);
            password = await Console.In.ReadLineAsync().ConfigureAwait(false);
        }
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"cardkit-web: no password: set ${Moderators.PasswordVariable} or write it on stdin").ConfigureAwait(false);
            return 2;
        }
        var builder = WebApp.CreateBuilder(args[2..]);
        await using var services = builder.Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var database = services.GetRequiredService<WebDatabase>();
        WebDatabase.Migrate(scope.ServiceProvider.GetRequiredService<WebDb>(), database);
        var errors = await Moderators.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), name, password).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                await Console.Error.WriteLineAsync($"cardkit-web: {error}").ConfigureAwait(false);
            return 1;
        }
        await Console.Out.WriteLineAsync($"cardkit-web: moderator '{name}' can log in ({database.Display})").ConfigureAwait(false);
        return 0;
    }
}
