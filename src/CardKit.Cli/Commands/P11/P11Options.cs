using System.CommandLine;
using CardKit.Hosting;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.P11;

/// <summary>--module, --pin and --pin-env for the p11 and tls commands: option parsing and the PIN prompt; the rest is in CardKit.Pkcs11 and CardKit.Hosting. PINs are never printed.</summary>
internal sealed class P11Options
{
    public Option<string?> Module { get; } = new("--module") { Description = "PKCS#11 module (default: $PKCS11_MODULE, else SoftHSM2 where installed)." };

    public Option<string?> Pin { get; } = new("--pin") { Description = "User PIN (prefer --pin-env or pin-source= in the URI)." };

    public Option<string?> PinEnv { get; } = new("--pin-env") { Description = "Environment variable holding the PIN." };

    public void AddTo(Command command)
    {
        command.Options.Add(Module);
        command.Options.Add(Pin);
        command.Options.Add(PinEnv);
    }

    public string ModulePath(ParseResult parse) => Pkcs11Modules.Resolve(parse.GetValue(Module));

    public Pkcs11Module Load(ParseResult parse) => Pkcs11Modules.Load(parse.GetValue(Module));

    /// <summary>A URI given on the command line: malformed is a usage error.</summary>
    public static Pkcs11Uri ParseUri(string text)
    {
        try
        {
            return Pkcs11Uri.Parse(text);
        }
        catch (CardKitFormatException e)
        {
            throw CliException.Usage(e.Message);
        }
    }

    /// <summary>The PIN from the URI (pin-value / pin-source), --pin, --pin-env, or (when <paramref name="required"/> on a terminal) an echo-off prompt; null when none.</summary>
    public string? ResolvePin(ParseResult parse, Pkcs11Uri? uri, bool required) =>
        Pins.Resolve(uri, parse.GetValue(Pin), parse.GetValue(PinEnv))
        ?? (required && !Console.IsInputRedirected ? Prompt() : null);

    private static string Prompt()
    {
        Console.Error.Write("PIN: ");
        var pin = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && pin.Length > 0)
                pin.Length--;
            else if (!char.IsControl(key.KeyChar))
                pin.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return pin.ToString();
    }

    /// <summary>Loads the module and opens a session on the URI's token, logged in when a PIN is known (required when <paramref name="loginRequired"/>).</summary>
    public (Pkcs11Module Module, Pkcs11Session Session) Open(ParseResult parse, Pkcs11Uri uri, bool readWrite, bool loginRequired)
    {
        var module = Load(parse);
        try
        {
            return (module, UriSelection.OpenSession(module, uri, ResolvePin(parse, uri, loginRequired), readWrite, loginRequired));
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }
}
