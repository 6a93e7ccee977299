using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// `cardkit sim backup FILE` / `restore FILE`: the phone book files as raw records (plus the
/// decoded entries for people) in JSON, and back. Restore refuses another card's backup unless
/// --other-card, writes only records that differ and reads each one back.
/// </summary>
internal static class SimBackupCommand
{
    private const string Format = "cardkit-sim-backup/1";

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
                var files = sim.PhonebookFiles();
                var iccid = sim.ReadIccid();
                using var stream = File.Create(parse.GetValue(file)!);
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("format", Format);
                    w.WriteString("kind", sim.Kind == SimKind.Gsm ? "gsm" : "usim");
                    w.WriteString("iccid", iccid);
                    w.WriteString("created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    w.WriteStartArray("files");
                    var total = 0;
                    foreach (var f in files)
                    {
                        var records = sim.ReadAllRecords(f);
                        total += records.Count;
                        w.WriteStartObject();
                        w.WriteString("name", f.Name);
                        w.WriteString("fid", f.Fid.ToString("X4", CultureInfo.InvariantCulture));
                        w.WriteNumber("recordLength", f.RecordLength);
                        w.WriteStartArray("records");
                        foreach (var r in records)
                            w.WriteStringValue(Hex.Format(r, '\0'));
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("entries");
                    foreach (var e in sim.ReadPhonebook())
                        SimPhonebookCommand.WriteEntry(w, e);
                    w.WriteEndArray();
                    w.WriteEndObject();
                    output.Out.WriteLine($"saved {total} records of {iccid} to {parse.GetValue(file)}");
                }
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
                var iccid = sim.ReadIccid();
                if (backup.Iccid != iccid && !parse.GetValue(otherCard))
                    throw CliException.CardOrData($"{path} is the backup of card {backup.Iccid}, this card is {iccid}; use --other-card to restore it anyway");
                var files = sim.PhonebookFiles();
                var changed = 0;
                foreach (var (name, recordLength, records) in backup.Files)
                {
                    var target = files.FirstOrDefault(f => f.Name == name)
                        ?? throw CliException.CardOrData($"{path}: this card has no {name}");
                    if (target.RecordLength != recordLength || target.RecordCount < records.Count)
                        throw CliException.CardOrData($"{path}: {name} has {records.Count} records of {recordLength} bytes; the card's has {target.RecordCount} of {target.RecordLength}");
                    var current = sim.ReadAllRecords(target);
                    for (var i = 0; i < records.Count; i++)
                    {
                        if (current[i].AsSpan().SequenceEqual(records[i]))
                            continue;
                        changed++;
                        output.Out.WriteLine($"{(parse.GetValue(dryRun) ? "would restore" : "restoring")} {name} record {i + 1}");
                        if (!parse.GetValue(dryRun))
                            sim.WriteRecord(target, i + 1, records[i]);
                    }
                }
                output.Out.WriteLine(parse.GetValue(dryRun) ? $"dry run: {changed} record(s) differ" : $"{changed} record(s) restored and read back identical");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private sealed record Backup(string Iccid, List<(string Name, int RecordLength, List<byte[]> Records)> Files);

    private static Backup Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
                throw CliException.CardOrData($"{path} is not a CardKit SIM backup ({Format})");
            var files = new List<(string, int, List<byte[]>)>();
            foreach (var f in root.GetProperty("files").EnumerateArray())
            {
                var records = f.GetProperty("records").EnumerateArray().Select(r => Hex.Parse(r.GetString() ?? "")).ToList();
                var length = f.GetProperty("recordLength").GetInt32();
                if (records.Any(r => r.Length != length))
                    throw CliException.CardOrData($"{path}: a record of {f.GetProperty("name").GetString()} is not {length} bytes long");
                files.Add((f.GetProperty("name").GetString()!, length, records));
            }
            return new Backup(root.GetProperty("iccid").GetString()!, files);
        }
        catch (FileNotFoundException)
        {
            throw CliException.Usage($"backup file '{path}' not found");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or CardKitFormatException)
        {
            throw CliException.CardOrData($"{path} is not a valid CardKit SIM backup: {e.Message}");
        }
    }
}
