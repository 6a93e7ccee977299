using System.CommandLine;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.P11;

/// <summary>--module, PIN sources, and URI resolution shared by the p11 commands. PINs are never printed.</summary>
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

    public Pkcs11Module Load(ParseResult parse)
    {
        var path = parse.GetValue(Module) ?? Pkcs11Module.DefaultPath()
            ?? throw CliException.Environment("no PKCS#11 module: give --module PATH or set PKCS11_MODULE (SoftHSM2: apt-get install softhsm2)");
        return Pkcs11Module.Load(path);
    }

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

    /// <summary>The PIN from the URI (pin-value / pin-source), --pin, --pin-env, or an echo-off prompt; null when none is available.</summary>
    public string? ResolvePin(ParseResult parse, Pkcs11Uri? uri, bool required)
    {
        var pin = uri?.ResolvePin() ?? parse.GetValue(Pin);
        if (pin is null && parse.GetValue(PinEnv) is { } variable)
            pin = Environment.GetEnvironmentVariable(variable) ?? throw CliException.Usage($"--pin-env: {variable} is not set");
        if (pin is null && required && !Console.IsInputRedirected)
            pin = Prompt();
        return pin;
    }

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

    /// <summary>Opens a session on the URI's token, logged in when a PIN is known (or <paramref name="loginRequired"/>).</summary>
    public (Pkcs11Module Module, Pkcs11Session Session) Open(ParseResult parse, Pkcs11Uri uri, bool readWrite, bool loginRequired)
    {
        var module = Load(parse);
        try
        {
            var slot = UriSelection.FindSlot(module, uri);
            var session = slot.OpenSession(readWrite);
            var pin = ResolvePin(parse, uri, loginRequired);
            if (pin is not null)
                session.Login(pin);
            else if (loginRequired)
                throw CliException.Usage("this needs the user PIN: pin-value= or pin-source= in the URI, --pin, or --pin-env");
            return (module, session);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }
}
