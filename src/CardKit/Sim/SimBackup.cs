using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// A phone book backup, the <c>cardkit-sim-backup/1</c> JSON file: every phone book file as raw
/// records (what a restore writes back) plus the decoded entries (for people; a restore ignores
/// them). Fields: <c>format</c>, <c>kind</c>, <c>iccid</c>, <c>created</c>, <c>files</c>, <c>entries</c>.
/// </summary>
/// <param name="Kind">GSM SIM or USIM.</param>
/// <param name="Iccid">The card the backup was taken from.</param>
/// <param name="Created">When.</param>
/// <param name="Files">The phone book files and their records.</param>
/// <param name="Entries">The entries the records held, decoded.</param>
public sealed record SimBackup(SimKind Kind, string Iccid, DateTimeOffset Created, IReadOnlyList<SimBackupFile> Files, IReadOnlyList<PhonebookRow> Entries)
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "cardkit-sim-backup/1";

    /// <summary>The file format; <see cref="FormatName"/>.</summary>
    [JsonPropertyOrder(-1)]
    public string Format { get; init; } = FormatName;

    /// <summary>The number of records in all files.</summary>
    [JsonIgnore]
    public int RecordCount => Files.Sum(f => f.Records.Count);

    /// <summary>Reads every phone book file of <paramref name="sim"/> and its entries.</summary>
    public static SimBackup Take(SimSession sim, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var files = sim.PhonebookFiles();
        var iccid = sim.ReadIccid();
        var backupFiles = files.Select(f => new SimBackupFile(f.Name, f.Fid, f.RecordLength, sim.ReadAllRecords(f))).ToList();
        var entries = sim.ReadPhonebook().Select(PhonebookRow.From).ToList();
        return new SimBackup(sim.Kind, iccid, created, backupFiles, entries);
    }

    /// <summary>Writes the backup as indented JSON (UTF-8, names in any script left readable).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        JsonSerializer.Serialize(writer, this, CardKitJsonContext.Default.SimBackup);
    }

    /// <summary>Reads and checks a backup: its format, and that every record has its file's length.</summary>
    /// <exception cref="CardKitFormatException">Not JSON, not a CardKit SIM backup, or a record of the wrong length.</exception>
    public static SimBackup Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SimBackup? backup;
        try
        {
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
                throw new CardKitFormatException($"the file is not a CardKit SIM backup ({FormatName})");
            backup = document.RootElement.Deserialize(CardKitJsonContext.Default.SimBackup);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8.
            throw new CardKitFormatException($"the file is not a valid CardKit SIM backup: {e.Message}", -1, e);
        }
        if (backup?.Iccid is null || backup.Files is null || backup.Files.Any(f => f?.Name is null || f.Records is null))
            throw new CardKitFormatException("the file is not a valid CardKit SIM backup: iccid, files, or a file's name or records are missing");
        foreach (var file in backup.Files)
        {
            if (file.Records.Any(r => r.Length != file.RecordLength))
                throw new CardKitFormatException($"a record of {file.Name} is not {file.RecordLength} bytes long");
        }
        return backup with { Entries = backup.Entries ?? [] };
    }

    /// <summary>
    /// The records that differ between the backup and the card, to write back (each read back when
    /// written). Checks everything before returning, so that a backup that does not fit writes nothing.
    /// </summary>
    /// <param name="sim">The card.</param>
    /// <param name="allowOtherCard">Restore a backup whose ICCID is not the card's.</param>
    /// <exception cref="SimBackupMismatchException">Another card's backup, or a file the card does not have in that shape.</exception>
    public IReadOnlyList<PlannedWrite> PlanRestore(SimSession sim, bool allowOtherCard = false)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var iccid = sim.ReadIccid();
        if (Iccid != iccid && !allowOtherCard)
            throw new SimBackupMismatchException(SimBackupMismatch.OtherCard, $"the backup is of card {Iccid}, this card is {iccid}", Iccid, iccid);
        var cardFiles = sim.PhonebookFiles();
        var targets = new List<(SimBackupFile Saved, RecordFileInfo Target)>();
        foreach (var saved in Files)
        {
            var target = cardFiles.FirstOrDefault(f => f.Name == saved.Name)
                ?? throw new SimBackupMismatchException(SimBackupMismatch.MissingFile, $"this card has no {saved.Name}", Iccid, iccid, saved.Name);
            if (target.RecordLength != saved.RecordLength || target.RecordCount < saved.Records.Count)
                throw new SimBackupMismatchException(SimBackupMismatch.FileShape,
                    $"{saved.Name} has {saved.Records.Count} records of {saved.RecordLength} bytes; the card's has {target.RecordCount} of {target.RecordLength}", Iccid, iccid, saved.Name);
            targets.Add((saved, target));
        }
        var writes = new List<PlannedWrite>();
        foreach (var (saved, target) in targets)
        {
            var current = sim.ReadAllRecords(target);
            for (var i = 0; i < saved.Records.Count; i++)
            {
                if (!current[i].AsSpan().SequenceEqual(saved.Records[i]))
                    writes.Add(PhonebookWritePlanner.Step(sim, target, i + 1, saved.Records[i], "from the backup"));
            }
        }
        return writes;
    }
}
