using System.CommandLine;

namespace CardKit.Cli.Commands.Sim;

/// <summary>`cardkit sim ...`: SIM/USIM information and the phone book.</summary>
internal static class SimCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("sim", "SIM and USIM cards: card information and the phone book (read, export, write, backup, restore).");
        command.Subcommands.Add(SimInfoCommand.Create(output));
        command.Subcommands.Add(SimPhonebookCommand.Create(output));
        command.Subcommands.Add(SimWriteCommand.Create(output));
        command.Subcommands.Add(SimBackupCommand.CreateBackup(output));
        command.Subcommands.Add(SimBackupCommand.CreateRestore(output));
        return command;
    }
}
