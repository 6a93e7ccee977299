using System.CommandLine;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim backup FILE` / `restore FILE`: the phone book files as raw records (plus the
/// decoded entries for people) in a <see cref="SimBackup"/> file, and back. Restore refuses another
/// card's backup unless --other-card, writes only records that differ and reads each one back.
/// </summary>
internal static class SimBackupCommand
{
    public static Command CreateBackup(CliOutput output)
    {
        var options = new SimOptions();
        var file = new Argument<string>("file") { Description = "JSON file to write." };
        var command = new Command("backup", "Save the whole phone book (raw records and decoded entries) to a JSON file.") { file };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var path = parse.GetValue(file)!;
                var backup = SimBackup.Take(sim, DateTimeOffset.UtcNow);
                using (var stream = File.Create(path))
                    backup.Write(stream);
                output.Out.WriteLine($"saved {backup.RecordCount} records of {backup.Iccid} to {path}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    public static Command CreateRestore(CliOutput output)
    {
        var options = new SimOptions();
        var file = new Argument<string>("file") { Description = "JSON file written by `cardkit sim backup`." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show which records differ; write nothing." };
        var otherCard = new Option<bool>("--other-card") { Description = "Restore a backup taken from another card (ICCID differs)." };
        var command = new Command("restore", "Write a phone book backup back to the card (only records that differ, each read back).") { file, dryRun, otherCard };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var backup = Load(path);
            var (channel, sim) = options.Open(parse, output);
            using (channel)
            {
                var writes = backup.PlanRestore(sim, parse.GetValue(otherCard));
                var dry = parse.GetValue(dryRun);
                foreach (var write in writes)
                {
                    output.Out.WriteLine($"{(dry ? "would restore" : "restoring")} {write.File.Name} record {write.Record}");
                    if (!dry)
                        sim.Write(write);
                }
                output.Out.WriteLine(dry ? $"dry run: {writes.Count} record(s) differ" : $"{writes.Count} record(s) restored and read back identical");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static SimBackup Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SimBackup.Read(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.Usage($"backup file '{path}' not found");
        }
        catch (CardKitFormatException e)
        {
            throw CliException.CardOrData($"{path}: {e.Message}");
        }
    }
}
