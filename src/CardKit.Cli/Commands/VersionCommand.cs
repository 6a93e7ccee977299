using System.CommandLine;
using System.Reflection;

namespace CardKit.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("version", "Print CardKit's version and runtime.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            output.Out.WriteLine($"cardkit {version} (.NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
