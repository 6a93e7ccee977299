using System.CommandLine;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.P11;

/// <summary>
/// The shape every `cardkit p11 export-*` command has: a pkcs11: URI names one object, its DER goes to
/// --out (PEM, or DER for a .der name) or as PEM to stdout.
/// </summary>
internal static class P11Export
{
    /// <summary>
    /// The command <paramref name="name"/>: <paramref name="uriOption"/> names the object, <paramref name="readDer"/>
    /// reads it, <paramref name="pemLabel"/> labels its PEM; <paramref name="writtenTo"/>, when set, is printed after
    /// writing a file (given the path).
    /// </summary>
    public static Command Create(CliOutput output, string name, string description, string uriOption, string uriDescription,
        string pemLabel, Func<Pkcs11Session, ObjectHandle, byte[]> readDer, Func<string, string>? writtenTo = null)
    {
        var options = new P11Options();
        var uriValue = new Option<string>(uriOption) { Description = uriDescription, Required = true };
        var outFile = new Option<string?>("--out") { Description = "PEM file (default: stdout); a .der name writes DER." };
        var command = new Command(name, description) { uriValue, outFile };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var uri = P11Options.ParseUri(parse.GetValue(uriValue)!);
            var (module, session) = options.Open(parse, uri, readWrite: false, loginRequired: false);
            using (module)
            using (session)
            {
                var der = readDer(session, UriSelection.FindOne(session, uri));
                if (parse.GetValue(outFile) is { } path)
                {
                    File.WriteAllBytes(path, PemDer.ForFile(path, pemLabel, der));
                    if (writtenTo is not null)
                        output.Out.WriteLine(writtenTo(path));
                }
                else
                {
                    output.Out.Write(PemDer.ToPem(pemLabel, der));
                }
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
