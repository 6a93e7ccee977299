using System.Diagnostics;
using System.Text.Json;
using CardKit.Pcsc;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

public class DoctorCommandTests
{
    private static readonly string[] Statuses = ["OK", "WARN", "FAIL", "SKIP"];

    /// <summary>Parses `doctor --json` output and checks every field's name and type; returns the checks by id.</summary>
    internal static Dictionary<string, JsonElement> ParseReport(string stdout, out string status)
    {
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(["status", "checks"], root.EnumerateObject().Select(p => p.Name));
        status = root.GetProperty("status").GetString()!;
        Assert.Contains(status, Statuses);
        var checks = new Dictionary<string, JsonElement>();
        foreach (var check in root.GetProperty("checks").EnumerateArray())
        {
            Assert.Equal(["id", "status", "summary", "evidence", "fix"], check.EnumerateObject().Select(p => p.Name));
            Assert.Contains(check.GetProperty("status").GetString(), Statuses);
            Assert.Equal(JsonValueKind.String, check.GetProperty("summary").ValueKind);
            Assert.All(check.GetProperty("evidence").EnumerateArray(), e => Assert.Equal(JsonValueKind.String, e.ValueKind));
            Assert.Contains(check.GetProperty("fix").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            checks.Add(check.GetProperty("id").GetString()!, check.Clone());
        }
        return checks;
    }

    [Fact(Timeout = 60_000)]
    public async Task Doctor_prints_every_check_as_text_and_as_JSON()
    {
        Pcscd.EnsureRunning();
        using var sysfs = TempPath.Directory();
        Directory.CreateDirectory(sysfs.Combine("bus", "usb", "devices"));

        var cancellationToken = TestContext.Current.CancellationToken;
        var (exitCode, stdout, _) = await Task.Run(() => CliRunner.Run("doctor", "--json", "--sysfs", sysfs.Path, "--dev"), cancellationToken);
        var checks = ParseReport(stdout, out var status);
        Assert.Equal(status == "FAIL" ? ExitCodes.CardOrDataError : ExitCodes.Ok, exitCode);
        Assert.Equal(["pcscd", "protocol", "flatpak", "holders", "usb-readers", "gnupg-ccid", "gnupg-shared", "polkit", "vpcd", "dev"], checks.Keys);
        Assert.Equal("OK", checks["pcscd"].GetProperty("status").GetString());
        Assert.Equal("OK", checks["usb-readers"].GetProperty("status").GetString());
        Assert.Equal("no USB smart-card reader is plugged in", checks["usb-readers"].GetProperty("summary").GetString());
        Assert.Equal("OK", checks["dev"].GetProperty("status").GetString()); // libpcsclite-dev is a test package

        (exitCode, stdout, _) = await Task.Run(() => CliRunner.Run("doctor", "--sysfs", sysfs.Path), cancellationToken);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^OK    pcscd +pcscd \d", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("SKIP  flatpak ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("- /etc/reader.conf.d/", StringComparison.Ordinal));
        Assert.Matches(@"^(OK|WARN|FAIL): \d+ OK", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("dev", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pcscd_of_another_protocol_gives_SERVICE_STOPPED_and_doctor_names_both_versions()
    {
        Pcscd.EnsureRunning();
        using var fake = new FakePcscd(4, 5);
        var environment = new Dictionary<string, string> { ["PCSCLITE_CSOCK_NAME"] = fake.SocketPath };

        var (exitCode, stdout, stderr) = await RunAsync(["readers"], environment, TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Environment, exitCode);
        Assert.Contains("SCARD_E_SERVICE_STOPPED", stderr, StringComparison.Ordinal);
        Assert.EndsWith("; run 'cardkit doctor' for details", stderr.TrimEnd(), StringComparison.Ordinal);

        (exitCode, stdout, _) = await RunAsync(["doctor", "--json"], environment, TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        var checks = ParseReport(stdout, out var status);
        Assert.Equal("FAIL", status);
        var protocol = checks["protocol"];
        Assert.Equal("FAIL", protocol.GetProperty("status").GetString());
        var summary = protocol.GetProperty("summary").GetString()!;
        Assert.Contains("pcscd speaks protocol 4:5 (pcsc-lite 2.3.0 to 2.4.x) and refuses 4:4", summary, StringComparison.Ordinal);
        Assert.Contains("libpcsclite.so.1", summary, StringComparison.Ordinal);
        Assert.Contains("PCSCLITE_CSOCK_NAME", protocol.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("WARN", checks["pcscd"].GetProperty("status").GetString()); // the socket is not pcscd's
    }

    [Fact]
    public void Every_environment_failure_ends_with_the_doctor_hint_and_others_do_not()
    {
        Assert.True(Failures.TryDescribe(CliException.Environment("no PKCS#11 module."), out var exitCode, out var message));
        Assert.Equal(ExitCodes.Environment, exitCode);
        Assert.Equal("no PKCS#11 module; run 'cardkit doctor' for details", message);

        Assert.True(Failures.TryDescribe(PcscException.Create(ScardError.NoService, "SCardEstablishContext"), out exitCode, out message));
        Assert.Equal(ExitCodes.Environment, exitCode);
        Assert.EndsWith("; run 'cardkit doctor' for details", message, StringComparison.Ordinal);

        Assert.True(Failures.TryDescribe(CliException.Usage("bad hex"), out exitCode, out message));
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("bad hex", message);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(EmulateProcessTests.Binary, args);
        foreach (var (name, value) in environment)
            psi.Environment[name] = value;
        return ProcessRunner.RunAsync(psi, null, TimeSpan.FromSeconds(30), cancellationToken);
    }
}
