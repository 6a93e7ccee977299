using System.CommandLine;

namespace CardKit.Cli.Commands;

/// <summary>Every top-level command, in the order `cardkit --help` lists them. One line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliOutput output)
    {
        yield return ReadersCommand.Create(output);
        yield return SendCommand.Create(output);
        yield return ScriptCommand.Create(output);
        yield return Atr.AtrCommand.Create(output);
        yield return ScanCommand.Create(output);
        yield return Sim.SimCommand.Create(output);
        yield return Spy.SpyCommand.Create(output);
        yield return Pin.PinCommand.Create(output);
        yield return EmulateCommand.Create(output);
        yield return P11.P11Command.Create(output);
        yield return Tls.TlsCommand.Create(output);
        yield return DoctorCommand.Create(output);
        yield return VersionCommand.Create(output);
    }
}
