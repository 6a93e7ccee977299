using System.Text.Json;
using CardKit.Emulator;
using CardKit.Emulator.FileSystem;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>`cardkit sim ...` against the virtual SIM/USIM through pcscd ("Virtual PCD E 00 01") and in process.</summary>
[Collection("Reader E")]
public class SimCommandTests
{
    private static readonly VirtualReader Reader = VirtualReaders.CliSim[1];

    [Fact(Timeout = 30_000)]
    public async Task Phonebook_lists_every_coding_correctly_through_pcscd()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.StartsWith("   1  Voice Mail", StringComparison.Ordinal) && l.EndsWith("+18056377243", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("陳厚坤/M", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("+18885551212p12345678901234567890", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Françoise", StringComparison.Ordinal) && l.Contains("non-conforming", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("   9 ", StringComparison.Ordinal));
        Assert.Equal(10, lines.Count); // header + 9 entries
    }

    [Fact]
    public void Phonebook_json_csv_and_vcard_carry_the_same_entries()
    {
        var stdout = CliRunner.Run("sim", "phonebook", "-r", "emu:usim", "--pin", "1234", "-f", "json").Out.ReplaceLineEndings("\n");
        using var json = JsonDocument.Parse(stdout);
        var alice = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Alice");
        Assert.Equal("alice@example.org", alice.GetProperty("email").GetString());
        Assert.Equal("+4930123456", alice.GetProperty("additionalNumber").GetString());
        var csv = CliRunner.Run("sim", "phonebook", "-r", "emu:sim", "--pin", "1234", "-f", "csv").Out;
        Assert.StartsWith("record,name,number", csv, StringComparison.Ordinal);
        Assert.Contains("6,Françoise,+33612345678,,,yes,", csv, StringComparison.Ordinal);
        var vcard = CliRunner.Run("sim", "phonebook", "-r", "emu:sim", "--pin", "1234", "-f", "vcard").Out;
        Assert.Equal(9, vcard.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("FN:Bob [W]\r\n", vcard, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_shows_kind_ICCID_CHV1_and_files()
    {
        var (exitCode, stdout, _) = CliRunner.Run("sim", "info", "-r", "emu:sim");
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("GSM SIM", stdout, StringComparison.Ordinal);
        Assert.Contains("ICCID:      8944100000001234567", stdout, StringComparison.Ordinal);
        Assert.Contains("IMSI:       (needs the PIN", stdout, StringComparison.Ordinal);
        Assert.Contains("CHV1:       enabled, 3 attempt(s) left", stdout, StringComparison.Ordinal);
        Assert.Contains("EF_ADN    6F3A: 250 records of 30 bytes", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRunner.Run("sim", "info", "-r", "emu:usim", "--pin", "1234", "--json").Out);
        Assert.Equal("usim", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("234150123456789", json.RootElement.GetProperty("imsi").GetString());
        Assert.Equal(250, json.RootElement.GetProperty("phonebook").GetProperty("EF_EMAIL").GetProperty("recordCount").GetInt32());
    }

    [Fact]
    public void Without_the_PIN_the_phone_book_says_how_to_give_it()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "phonebook", "-r", "emu:sim");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("CHV1 (the PIN) must be verified first. Give it with --pin-env VAR (or --pin).", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_json_keeps_its_documented_shape()
    {
        // The shape `sim info --json` has always had: imsi written as null, one member per phone book file.
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "info", "-r", "emu:sim", "--json");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Equal("""
            {
              "kind": "gsm",
              "atr": "3B 16 94 71 01 01 05 02 00",
              "iccid": "8944100000001234567",
              "imsi": null,
              "chv1": {
                "enabled": true,
                "remainingAttempts": 3
              },
              "phonebook": {
                "location": "DF_TELECOM 7F10",
                "EF_ADN": {
                  "fid": "6F3A",
                  "recordLength": 30,
                  "recordCount": 250
                },
                "EF_EXT1": {
                  "fid": "6F4A",
                  "recordLength": 13,
                  "recordCount": 10
                }
              }
            }

            """, stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Phonebook_json_keeps_its_field_names_types_and_omissions()
    {
        var stdout = CliRunner.Run("sim", "phonebook", "-r", "emu:usim", "--pin", "1234", "-f", "json").Out.ReplaceLineEndings("\n");
        using var json = JsonDocument.Parse(stdout);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(8, entries.Count);
        foreach (var entry in entries)
        {
            var names = entry.EnumerateObject().Select(p => p.Name).ToList();
            var optional = new[] { "email", "additionalNumber", "error" };
            Assert.Equal(["record", "set", "name", "number", "nameCoding", "tonNpi", "nonConforming"], names.Except(optional));
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("record").ValueKind);
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("set").ValueKind);
            Assert.All(new[] { "name", "number", "nameCoding", "tonNpi" }, n => Assert.Equal(JsonValueKind.String, entry.GetProperty(n).ValueKind));
            Assert.True(entry.GetProperty("nonConforming").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.All(optional, n => Assert.True(!entry.TryGetProperty(n, out var v) || v.ValueKind == JsonValueKind.String, n));
        }
        // Indented, names unescaped.
        Assert.Contains("""
              {
                "record": 6,
                "set": 1,
                "name": "Françoise",
                "number": "+33612345678",
                "nameCoding": "Latin1",
                "tonNpi": "91",
                "nonConforming": true
              },
            """, stdout, StringComparison.Ordinal);
        var alice = entries[7];
        Assert.Equal(["record", "set", "name", "number", "nameCoding", "tonNpi", "email", "additionalNumber", "nonConforming"], alice.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_table_lines_up_East_Asian_names_by_their_display_width()
    {
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "phonebook", "-r", "emu:usim", "--pin", "1234");
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("   #  Name        Number                             Extra", lines[0]);
        Assert.Equal("   2  陳厚坤/M    123456789", lines[2]);
        // Every number starts in the same terminal column: 陳, 厚 and 坤 take two columns each (UAX #11).
        var numbers = new[] { "Number", "+18056377243", "123456789", "0612345678", "+37410123456", "+18885551212p", "+33612345678", "+74951234567", "+4915112345678" };
        var columns = lines.Zip(numbers, (line, number) => line[..line.IndexOf(number, StringComparison.Ordinal)].Sum(c => c is >= '\u2E80' and <= '\uA4CF' ? 2 : 1)).ToList();
        Assert.Equal(9, columns.Count);
        Assert.All(columns, c => Assert.Equal(18, c));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_e_mail_written_in_ASCII_is_shown_as_written_and_flagged()
    {
        using var card = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(UsimVariants.AsciiEmail()));
        using var inserted = await InsertedCard.InsertAsync(CardData.Load(card), Reader, TestContext.Current.CancellationToken);
        var table = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234").Out;
        Assert.Contains("email alice@example.org; anr +4930123456; non-conforming e-mail coding (read as ASCII)", table, StringComparison.Ordinal);
        var csv = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "csv").Out;
        Assert.Contains("8,Alice,+4915112345678,alice@example.org,+4930123456,yes,", csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out);
        var alice = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Alice");
        Assert.Equal("alice@example.org", alice.GetProperty("email").GetString());
        Assert.True(alice.GetProperty("nonConforming").GetBoolean());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_last_PIN_attempt_is_only_spent_with_force()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        Assert.Contains("2 attempt(s) left", CliRunner.Run("sim", "info", "-r", Reader.Name, "--pin", "0000").Error, StringComparison.Ordinal);
        Assert.Contains("1 attempt(s) left", CliRunner.Run("sim", "info", "-r", Reader.Name, "--pin", "0000").Error, StringComparison.Ordinal);
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "info", "-r", Reader.Name, "--pin", "1234");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("CHV1 has 1 attempt left; a wrong PIN now blocks the card. Not trying it. Use --force if you are sure.", stderr, StringComparison.Ordinal);
        Assert.Contains("CHV1:       enabled, 1 attempt(s) left", CliRunner.Run("sim", "info", "-r", Reader.Name).Out, StringComparison.Ordinal);
        var forced = CliRunner.Run("sim", "info", "-r", Reader.Name, "--pin", "1234", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.Error);
        Assert.Contains("IMSI:       234150123456789", forced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_card_s_backup_is_restored_only_with_other_card()
    {
        using var backup = TempPath.File(".json");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("sim", "backup", "-r", "emu:usim", "--pin", "1234", backup.Path).ExitCode);
        var saved = JsonDocument.Parse(File.ReadAllText(backup.Path)).RootElement;
        Assert.Equal(["format", "kind", "iccid", "created", "files", "entries"], saved.EnumerateObject().Select(p => p.Name));
        File.WriteAllText(backup.Path, File.ReadAllText(backup.Path).Replace("8944100000001234567", "8944100000009999999", StringComparison.Ordinal));
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "restore", "-r", "emu:usim", "--pin", "1234", backup.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("the backup is of card 8944100000009999999, this card is 8944100000001234567; use --other-card to restore it anyway", stderr, StringComparison.Ordinal);
        var other = CliRunner.Run("sim", "restore", "-r", "emu:usim", "--pin", "1234", "--other-card", backup.Path);
        Assert.True(other.ExitCode == ExitCodes.Ok, other.Error);
        Assert.Contains("0 record(s) restored", other.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_PIN_reports_the_attempts_left()
    {
        var (exitCode, _, stderr) = CliRunner.Run("sim", "phonebook", "-r", "emu:sim", "--pin", "0000");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("wrong PIN: 2 attempt(s) left. Not retrying.", stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("sim", "phonebook", "-r", "emu:sim", "--pin", "12ab").ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("sim", "phonebook", "-r", "emu:sim", "--pin-env", "CARDKIT_NO_SUCH_VARIABLE").ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Write_places_contacts_in_free_records_reads_them_back_and_refuses_to_overwrite()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("sim"), Reader, TestContext.Current.CancellationToken);
        using var vcf = TempPath.WithText("""
            BEGIN:VCARD
            VERSION:3.0
            FN:Zoë Ünal
            TEL:+49 30 1234567
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            FN:Ελένη
            TEL;TYPE=cell:+302101234567
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:Long;Number
            TEL:+1888555121212345678901234567890
            END:VCARD
            """, ".vcf");
        var dry = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--dry-run", vcf.Path);
        Assert.Equal(ExitCodes.Ok, dry.ExitCode);
        // ë is not in the GSM alphabet: 0x81 with the half page at 0x0080 (TS 102 221 Annex A).
        Assert.Contains("would write EF_ADN record 9: \"Zoë Ünal\" +49 30 1234567 (Ucs2HalfPage)", dry.Out, StringComparison.Ordinal);
        Assert.Contains("  > A0 DC 09 04 1E 81 08 01 5A 6F EB", dry.Out, StringComparison.Ordinal);
        Assert.Contains("would write EF_EXT1 record 2", dry.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", dry.Out, StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", vcf.Path);
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Contains("4 record(s) written and read back identical", stdout, StringComparison.Ordinal);
        var book = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234").Out;
        Assert.Contains("Zoë Ünal", book, StringComparison.Ordinal);
        Assert.Contains("Ελένη", book, StringComparison.Ordinal);
        Assert.Contains("Number Long", book, StringComparison.Ordinal);
        Assert.Contains("+1888555121212345678901234567890", book, StringComparison.Ordinal);

        using var csv = TempPath.WithText("record,name,number\n1,Overwriter,+100\n", ".csv");
        var refused = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", csv.Path);
        Assert.Equal(ExitCodes.CardOrDataError, refused.ExitCode);
        Assert.Contains("nothing was written", refused.Error, StringComparison.Ordinal);
        Assert.Contains("record 1 holds \"Voice Mail\"; use --overwrite", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--overwrite", csv.Path).ExitCode);
        Assert.Contains("   1  Overwriter", CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234").Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Write_puts_e_mail_and_additional_number_into_the_USIM_type_1_files_and_clears_old_ones()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), Reader, TestContext.Current.CancellationToken);
        using var vcf = TempPath.WithText("BEGIN:VCARD\nVERSION:3.0\nFN:Zoe\nTEL:+4930999\nTEL;TYPE=HOME:+4930777\nEMAIL:zoe_1@example.org\nEND:VCARD\n", ".vcf");
        // Record 8 is Alice, whose e-mail and additional number are in record 8 of EF_EMAIL and EF_ANR.
        using var csv = TempPath.WithText("record,name,number\n8,Bob,+4930888\n", ".csv");
        var dry = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--dry-run", vcf.Path);
        Assert.True(dry.ExitCode == ExitCodes.Ok, dry.Error);
        Assert.Matches(@"would write EF_EMAIL record \d+: e-mail zoe_1@example.org of ""Zoe"" \+4930999", dry.Out);
        Assert.Matches(@"would write EF_ANR record \d+: additional number \+4930777 of ""Zoe"" \+4930999", dry.Out);
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", vcf.Path);
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Contains("3 record(s) written and read back identical", stdout, StringComparison.Ordinal);
        Assert.True(CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--overwrite", csv.Path).ExitCode == ExitCodes.Ok);

        var json = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out;
        var entries = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var zoe = entries.Single(e => e.GetProperty("name").GetString() == "Zoe");
        Assert.Equal("zoe_1@example.org", zoe.GetProperty("email").GetString());
        Assert.Equal("+4930777", zoe.GetProperty("additionalNumber").GetString());
        var bob = entries.Single(e => e.GetProperty("record").GetInt32() == 8);
        Assert.Equal("Bob", bob.GetProperty("name").GetString());
        Assert.False(bob.TryGetProperty("email", out _), "Alice's e-mail stayed attached to record 8");
        Assert.False(bob.TryGetProperty("additionalNumber", out _), "Alice's additional number stayed attached to record 8");
    }

    [Fact(Timeout = 60_000)]
    public async Task Write_links_type_2_e_mails_through_EF_IAP_and_frees_the_ones_it_replaces()
    {
        // UsimVariants.Type2Email: Alice (ADN 8) -> e-mail record 3; records 1 and 2 are free.
        using var card = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(UsimVariants.Type2Email()));
        using var inserted = await InsertedCard.InsertAsync(CardData.Load(card), Reader, TestContext.Current.CancellationToken);
        using var vcf = TempPath.WithText("BEGIN:VCARD\nFN:Zoe\nTEL:+4930999\nEMAIL:zoe@example.org\nEND:VCARD\n", ".vcf");
        using var csv = TempPath.WithText("record,name,number\n8,Bob,+4930888\n", ".csv");
        using var backup = TempPath.File(".json");
        var dry = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--dry-run", vcf.Path);
        Assert.True(dry.ExitCode == ExitCodes.Ok, dry.Error);
        Assert.Contains("would write EF_ADN record 9: \"Zoe\" +4930999", dry.Out, StringComparison.Ordinal);
        Assert.Contains("would write EF_EMAIL record 1: e-mail zoe@example.org of \"Zoe\" +4930999", dry.Out, StringComparison.Ordinal);
        Assert.Contains("would write EF_IAP record 9: EF_IAP links of record 9", dry.Out, StringComparison.Ordinal);
        Assert.Contains("> 00 DC 09 04 01 01", dry.Out, StringComparison.Ordinal); // EF_IAP record 9: e-mail record 1
        Assert.True(CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", vcf.Path).ExitCode == ExitCodes.Ok);
        var freed = CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--overwrite", csv.Path);
        Assert.True(freed.ExitCode == ExitCodes.Ok, freed.Error);
        Assert.Contains("writing EF_EMAIL record 3: no e-mail for \"Bob\" +4930888 (frees the record)", freed.Out, StringComparison.Ordinal);

        var entries = JsonDocument.Parse(CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out).RootElement.EnumerateArray().ToList();
        Assert.Equal("zoe@example.org", entries.Single(e => e.GetProperty("name").GetString() == "Zoe").GetProperty("email").GetString());
        Assert.False(entries.Single(e => e.GetProperty("record").GetInt32() == 8).TryGetProperty("email", out _));
        // The e-mail record ends with the ADN SFI (01) and the ADN record number (09).
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("sim", "backup", "-r", Reader.Name, "--pin", "1234", backup.Path).ExitCode);
        var email = JsonDocument.Parse(await File.ReadAllTextAsync(backup.Path, TestContext.Current.CancellationToken)).RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "EF_EMAIL").GetProperty("records").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.EndsWith("0109", email[0], StringComparison.Ordinal);
        Assert.Equal(new string('F', 52), email[2]);
    }

    [Fact]
    public void With_drop_fields_a_GSM_SIM_takes_the_contact_without_what_it_cannot_hold()
    {
        using var vcf = TempPath.WithText("BEGIN:VCARD\nFN:Zoe\nTEL:+4930999\nTEL:+4930777\nEMAIL:zoe@example.org\nEND:VCARD\n", ".vcf");
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "write", "-r", "emu:sim", "--pin", "1234", "--drop-fields", vcf.Path);
        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Contains("not written: \"Zoe\" +4930999: e-mail zoe@example.org: this card has no e-mail file", stdout, StringComparison.Ordinal);
        Assert.Contains("not written: \"Zoe\" +4930999: additional number +4930777: this card has no additional number file", stdout, StringComparison.Ordinal);
        Assert.Contains("1 record(s) written and read back identical", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Backup_and_restore_bring_the_phone_book_back()
    {
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("usim"), Reader, TestContext.Current.CancellationToken);
        using var backup = TempPath.File(".json");
        using var csv = TempPath.WithText("record,name,number\n2,Changed,123\n", ".csv");
        var before = CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out;
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("sim", "backup", "-r", Reader.Name, "--pin", "1234", backup.Path).ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("sim", "write", "-r", Reader.Name, "--pin", "1234", "--overwrite", csv.Path).ExitCode);
        Assert.NotEqual(before, CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out);

        var dry = CliRunner.Run("sim", "restore", "-r", Reader.Name, "--pin", "1234", "--dry-run", backup.Path);
        Assert.Contains("would restore EF_ADN record 2", dry.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: 1 record(s) differ", dry.Out, StringComparison.Ordinal);
        var restore = CliRunner.Run("sim", "restore", "-r", Reader.Name, "--pin", "1234", backup.Path);
        Assert.True(restore.ExitCode == ExitCodes.Ok, restore.Error);
        Assert.Equal(before, CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234", "-f", "json").Out);
    }

    [Theory]
    [InlineData("not json", "not a valid CardKit SIM backup")]
    [InlineData("""{"format":"other"}""", "is not a CardKit SIM backup")]
    [InlineData("""{"format":"cardkit-sim-backup/1","iccid":"1","files":[{"name":"EF_ADN","recordLength":30,"records":["00"]}]}""", "is not 30 bytes long")]
    public void Broken_backups_are_refused_before_anything_is_written(string content, string message)
    {
        using var path = TempPath.WithText(content, ".json");
        var (exitCode, _, stderr) = CliRunner.Run("sim", "restore", "-r", "emu:sim", "--pin", "1234", path.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains(path.Path, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".vcf", "BEGIN:VCARD\nFN:x\n", "ends inside a vCard")]
    [InlineData(".csv", "name;number\nx;1\n", "needs 'name' and 'number' columns")]
    [InlineData(".csv", "name,number,record\nx,1,999\n", "record '999' is not a number from 1 to 254")]
    [InlineData(".csv", "name,number\nx,+49 ABC\n", "not a dialling digit")]
    [InlineData(".csv", "name,number\nThis name is far too long for a SIM,1\n", "needs 35 bytes")]
    [InlineData(".vcf", "BEGIN:VCARD\nFN:x\nTEL:1\nEMAIL:x@example.org\nEND:VCARD\n", "\"x\" 1: e-mail x@example.org: this card has no e-mail file (--drop-fields writes the contact without it)")]
    public void Bad_contact_files_write_nothing(string extension, string content, string message)
    {
        using var path = TempPath.WithText(content, extension);
        var (exitCode, stdout, stderr) = CliRunner.Run("sim", "write", "-r", "emu:sim", "--pin", "1234", path.Path);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.DoesNotContain("writing", stdout, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    /// <summary>A virtual SIM that stalls on the 20th READ RECORD until the test releases it (after it has pulled the card).</summary>
    private sealed class StallingSim(FileSystemCard inner) : VirtualCard
    {
        private int _reads;

        public ManualResetEventSlim Stalled { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override ReadOnlyMemory<byte> Atr => inner.Atr;

        public override string Kind => inner.Kind;

        public override int Process(ReadOnlySpan<byte> command, Span<byte> response)
        {
            if (command.Length > 1 && command[1] == 0xB2 && ++_reads == 20)
            {
                Stalled.Set();
                // Bounded: a test that fails before releasing must not leave the vpcd thread behind for long.
                Release.Wait(TimeSpan.FromSeconds(30));
            }
            return inner.Process(command, response);
        }

        public override void Reset() => inner.Reset();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_card_pulled_mid_dump_prints_what_was_read_then_fails()
    {
        var card = new StallingSim(CardData.Load(File.OpenRead(Path.Combine(Pcscd.RepoRoot, "examples", "phonebook.json"))));
        var inserted = await InsertedCard.InsertAsync(card, Reader, TestContext.Current.CancellationToken);
        Task? pulled = null;
        try
        {
            var run = Task.Run(() => CliRunner.Run("sim", "phonebook", "-r", Reader.Name, "--pin", "1234"), TestContext.Current.CancellationToken);
            Assert.True(card.Stalled.Wait(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
            // Pull the card while it holds the 20th READ RECORD: closing the vpcd connection fails the
            // pending transmit, and the dump's own failure report is the signal that it noticed.
            pulled = Task.Run(inserted.Dispose, TestContext.Current.CancellationToken);
            var (exitCode, stdout, stderr) = await run;
            Assert.True(exitCode == ExitCodes.CardOrDataError, stderr);
            Assert.True(stdout.Contains("Voice Mail", StringComparison.Ordinal), stderr);
            Assert.Contains("Contact 018", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Contact 025", stdout, StringComparison.Ordinal);
            Assert.Contains("reading stopped after", stderr, StringComparison.Ordinal);
            Assert.Contains(Reader.Name, stderr, StringComparison.Ordinal);
        }
        finally
        {
            card.Release.Set();
            if (pulled is null)
                inserted.Dispose();
            else
                await pulled;
        }
    }
}
