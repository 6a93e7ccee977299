using System.Text;
using System.Text.Json;
using CardKit.Sim;

namespace CardKit.Emulator.Tests;

/// <summary>The cardkit-sim-backup/1 format: taken from a card, written, read back and checked, and the restore diff.</summary>
public class SimBackupTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 30, 15, TimeSpan.Zero);

    private static byte[] Serialize(SimBackup backup)
    {
        using var stream = new MemoryStream();
        backup.Write(stream);
        return stream.ToArray();
    }

    private static SimBackup Read(string json) => SimBackup.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_backup_written_and_read_back_has_the_same_records_and_the_documented_fields()
    {
        using var card = SimCards.Open("usim");
        var backup = SimBackup.Take(card.Sim, Created);
        Assert.Equal(["EF_ADN", "EF_EXT1", "EF_EMAIL", "EF_ANR"], backup.Files.Select(f => f.Name));
        Assert.Equal(250 + 10 + 250 + 250, backup.RecordCount);
        var bytes = Serialize(backup);

        var read = SimBackup.Read(new MemoryStream(bytes));
        Assert.Equal((SimKind.Usim, "8944100000001234567", Created), (read.Kind, read.Iccid, read.Created));
        for (var f = 0; f < backup.Files.Count; f++)
        {
            Assert.Equal((backup.Files[f].Name, backup.Files[f].Fid, backup.Files[f].RecordLength), (read.Files[f].Name, read.Files[f].Fid, read.Files[f].RecordLength));
            Assert.Equal(backup.Files[f].Records, read.Files[f].Records);
        }
        Assert.Equal(backup.Entries, read.Entries);

        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        Assert.Equal(["format", "kind", "iccid", "created", "files", "entries"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("cardkit-sim-backup/1", root.GetProperty("format").GetString());
        Assert.Equal("usim", root.GetProperty("kind").GetString());
        Assert.Equal("2025-03-01T12:30:15+00:00", root.GetProperty("created").GetString());
        var adn = root.GetProperty("files")[0];
        Assert.Equal(["name", "fid", "recordLength", "records"], adn.EnumerateObject().Select(p => p.Name));
        Assert.Equal("4F3A", adn.GetProperty("fid").GetString());
        Assert.Equal(JsonValueKind.Number, adn.GetProperty("recordLength").ValueKind);
        Assert.Equal("566F696365204D61696CFFFFFFFFFFFF07918150367742F3FFFFFFFFFFFF", adn.GetProperty("records")[0].GetString());
        var alice = root.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Alice");
        Assert.Equal("alice@example.org", alice.GetProperty("email").GetString());
        // Names in any script stay readable in the file, not \u escapes.
        Assert.Contains("\"陳厚坤/M\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_writes_back_only_the_records_that_differ()
    {
        using var card = SimCards.Open("usim");
        var backup = SimBackup.Take(card.Sim, Created);
        var before = card.Sim.ReadPhonebook().ToList();
        var layout = card.Sim.FindPhonebook();
        card.Sim.WriteRecord(layout.Adn, 2, AdnRecord.Encode("Changed", "123", 30));
        card.Sim.WriteRecord(layout.Email!, 8, AlphaIdentifier.Encode("new@example.org", 24));

        var writes = backup.PlanRestore(card.Sim);
        Assert.Equal([("EF_ADN", 2), ("EF_EMAIL", 8)], writes.Select(w => (w.File.Name, w.Record)));
        foreach (var write in writes)
            card.Sim.Write(write);
        Assert.Equal(before, card.Sim.ReadPhonebook().ToList());
        Assert.Empty(backup.PlanRestore(card.Sim));
    }

    [Fact]
    public void Another_card_s_backup_is_refused_unless_allowed()
    {
        using var card = SimCards.Open("usim");
        var backup = SimBackup.Take(card.Sim, Created) with { Iccid = "8944100000009999999" };
        var e = Assert.Throws<SimBackupMismatchException>(() => backup.PlanRestore(card.Sim));
        Assert.Equal((SimBackupMismatch.OtherCard, "8944100000009999999", "8944100000001234567"), (e.Mismatch, e.BackupIccid, e.CardIccid));
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        Assert.Empty(backup.PlanRestore(card.Sim, allowOtherCard: true));
    }

    [Fact]
    public void A_backup_with_files_the_card_lacks_or_shapes_it_cannot_take_plans_nothing()
    {
        using var usim = SimCards.Open("usim");
        var backup = SimBackup.Take(usim.Sim, Created);
        using var sim = SimCards.Open("sim");
        // Same ICCID, but a GSM SIM has no EF_EMAIL; EF_ADN comes first in the backup and differs, yet nothing is planned.
        var missing = Assert.Throws<SimBackupMismatchException>(() => backup.PlanRestore(sim.Sim));
        Assert.Equal((SimBackupMismatch.MissingFile, "EF_EMAIL"), (missing.Mismatch, missing.FileName));
        var wide = backup with { Files = [backup.Files[0] with { RecordLength = 31, Records = [.. backup.Files[0].Records.Select(r => (byte[])[.. r, 0xFF])] }] };
        var shape = Assert.Throws<SimBackupMismatchException>(() => wide.PlanRestore(usim.Sim));
        Assert.Equal(SimBackupMismatch.FileShape, shape.Mismatch);
        Assert.Equal("EF_ADN has 250 records of 31 bytes; the card's has 250 of 30", shape.Message);
        Assert.Empty(sim.Updates);
        Assert.Empty(usim.Updates);
    }

    [Theory]
    [InlineData("not json", "not a valid CardKit SIM backup")]
    [InlineData("[]", "not a CardKit SIM backup (cardkit-sim-backup/1)")]
    [InlineData("""{"format":"other"}""", "not a CardKit SIM backup (cardkit-sim-backup/1)")]
    [InlineData("""{"format":"cardkit-sim-backup/1"}""", "iccid, files")]
    [InlineData("""{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"name":"EF_ADN","fid":"6F3A","recordLength":30,"records":["00"]}]}""", "a record of EF_ADN is not 30 bytes long")]
    [InlineData("""{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"name":"EF_ADN","fid":"6F3A","recordLength":1,"records":["0G"]}]}""", "record 1 is not a hex string")]
    [InlineData("""{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"name":"EF_ADN","fid":"6F3","recordLength":1,"records":[]}]}""", "not a file identifier")]
    [InlineData("""{"format":"cardkit-sim-backup/1","kind":"nokia","iccid":"1","files":[]}""", "not a valid CardKit SIM backup")]
    [InlineData("""{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"fid":"6F3A","recordLength":1,"records":[]}]}""", "a file's name or records are missing")]
    public void A_broken_backup_is_refused_with_the_reason(string json, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => Read(json));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.CardOrData, e.Category);
    }

    [Fact]
    public void A_backup_with_text_that_is_not_UTF_8_is_bad_data()
    {
        // Found by the fuzz target: C3 28 is not UTF-8; it once escaped as InvalidOperationException.
        byte[] notUtf8 = [0xC3, 0x28];
        foreach (var (before, after) in new[] { ("{\"format\":\"cardkit-sim-backup/1\",\"iccid\":\"", "\",\"files\":[]}"), ("{\"format\":\"", "\"}") })
        {
            var e = Assert.Throws<CardKitFormatException>(() => SimBackup.Read(new MemoryStream([.. Encoding.UTF8.GetBytes(before), .. notUtf8, .. Encoding.UTF8.GetBytes(after)])));
            Assert.Contains("CardKit SIM backup", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_backup_without_entries_or_kind_still_restores()
    {
        var backup = Read("""{"format":"cardkit-sim-backup/1","iccid":"8944100000001234567","files":[{"name":"EF_ADN","fid":"6F3A","recordLength":2,"records":["FFFF"]}]}""");
        Assert.Empty(backup.Entries);
        Assert.Equal([0xFF, 0xFF], Assert.Single(Assert.Single(backup.Files).Records));
    }
}
