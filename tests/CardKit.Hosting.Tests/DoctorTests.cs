using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using CardKit.Emulator;
using CardKit.Hosting.Doctor;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

[CollectionDefinition("Reader G", DisableParallelization = true)]
public sealed class ReaderGGroup;

/// <summary>`doctor` on real situations made by the test: each one checked on the typed result and on its JSON.</summary>
public class DoctorTests
{
    internal static Task<DoctorReport> RunAsync(CancellationToken cancellationToken, DoctorOptions? options = null) =>
        Doctor.Doctor.RunAsync(options ?? DoctorOptions.FromEnvironment(), cancellationToken);

    [Fact(Timeout = 60_000)]
    public async Task A_pcscd_of_another_protocol_version_is_a_FAIL_that_names_both_versions()
    {
        Pcscd.EnsureRunning();
        using var fake = new FakePcscd(4, 5); // a pcsc-lite 2.3 daemon; Debian 12's libpcsclite speaks 4:4
        // The real client library, in its own process, meets the refusal.
        var client = await PcscClient.EstablishAsync(new Dictionary<string, string> { ["PCSCLITE_CSOCK_NAME"] = fake.SocketPath });
        Assert.StartsWith("rv=0x8010001E ", client, StringComparison.Ordinal); // SCARD_E_SERVICE_STOPPED
        Assert.Contains("4:4", fake.Offered);

        var report = await RunAsync(TestContext.Current.CancellationToken, DoctorOptions.FromEnvironment() with { SocketPath = fake.SocketPath });
        var protocol = report["protocol"];
        Assert.Equal(DoctorStatus.Fail, protocol.Status);
        Assert.Equal(DoctorStatus.Fail, report.Status);
        Assert.Contains("SCARD_E_SERVICE_STOPPED", protocol.Summary, StringComparison.Ordinal);
        Assert.Contains("speaks protocol 4:5", protocol.Summary, StringComparison.Ordinal);
        Assert.Contains("refuses 4:4", protocol.Summary, StringComparison.Ordinal);
        var library = await RealPathAsync(client.Split("library=")[1]);
        Assert.Contains($"{library} (pcsc-lite 1.9.9)", protocol.Summary, StringComparison.Ordinal);
        Assert.Contains(protocol.Evidence, e => e.Contains($"served by pid {Environment.ProcessId} ", StringComparison.Ordinal));
        Assert.Contains("PCSCLITE_CSOCK_NAME", protocol.Fix, StringComparison.Ordinal);

        var json = DoctorJson.Check(report, "protocol");
        Assert.Equal("FAIL", json.Status());
        Assert.Equal(protocol.Summary, json.Summary());
        Assert.Equal(protocol.Fix, json.Fix());
        Assert.Equal(protocol.Evidence, json.Evidence());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_second_libpcsclite_on_LD_LIBRARY_PATH_is_listed_and_named_as_the_one_that_loads()
    {
        Pcscd.EnsureRunning();
        var system = (await PcscClient.EstablishAsync(new Dictionary<string, string>())).Split("library=")[1];
        var systemFile = await RealPathAsync(system);
        using var prefix = TempPath.Directory();
        var lib = prefix.Combine("lib");
        Directory.CreateDirectory(lib);
        var copy = Path.Combine(lib, Path.GetFileName(systemFile));
        File.Copy(systemFile, copy);
        File.CreateSymbolicLink(Path.Combine(lib, "libpcsclite.so.1"), Path.GetFileName(systemFile));

        // The real loader picks the copy ...
        var client = await PcscClient.EstablishAsync(new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = lib });
        Assert.Equal($"rv=0x00000000 library={Path.Combine(lib, "libpcsclite.so.1")}", client);
        // ... and doctor says so.
        var report = await RunAsync(TestContext.Current.CancellationToken, DoctorOptions.FromEnvironment() with { LdLibraryPath = lib });
        var protocol = report["protocol"];
        Assert.Equal(DoctorStatus.Ok, protocol.Status);
        Assert.Contains($"programs load {copy} (pcsc-lite ", protocol.Summary, StringComparison.Ordinal);
        var copyLine = Assert.Single(protocol.Evidence, e => e.StartsWith(copy, StringComparison.Ordinal));
        Assert.Contains($"programs load this one (first in LD_LIBRARY_PATH: {lib})", copyLine, StringComparison.Ordinal);
        Assert.Contains($"same bytes as {systemFile}", copyLine, StringComparison.Ordinal);
        Assert.Contains("protocol 4:4", copyLine, StringComparison.Ordinal);
        var systemLine = Assert.Single(protocol.Evidence, e => e.StartsWith(systemFile, StringComparison.Ordinal));
        Assert.DoesNotContain("programs load this one", systemLine, StringComparison.Ordinal);
        Assert.Contains("copies on this machine", protocol.Summary, StringComparison.Ordinal);

        var json = DoctorJson.Check(report, "protocol");
        Assert.Equal("OK", json.Status());
        Assert.Null(json.Fix());
        Assert.Equal(protocol.Evidence, json.Evidence());
    }

    [Fact(Timeout = 60_000)]
    public async Task Scdaemon_without_disable_ccid_is_a_WARN_with_the_line_and_with_it_OK()
    {
        using var home = TempPath.Directory();
        var conf = home.Combine("scdaemon.conf");
        File.WriteAllText(conf, "# scdaemon options\nlog-file /dev/null\n");
        var sleep = home.Combine("scdaemon"); // a process named scdaemon
        File.Copy("/bin/sleep", sleep);
        using var scdaemon = Process.Start(new ProcessStartInfo(sleep, ["120"]) { RedirectStandardInput = true })!;
        try
        {
            await WaitForProcessNameAsync(scdaemon.Id, "scdaemon");
            var options = DoctorOptions.FromEnvironment() with { GnupgHome = home.Path };

            var report = await RunAsync(TestContext.Current.CancellationToken, options);
            var ccid = report["gnupg-ccid"];
            Assert.Equal(DoctorStatus.Warn, ccid.Status);
            Assert.Contains($"echo disable-ccid >> {conf}", ccid.Fix, StringComparison.Ordinal);
            Assert.Contains("the line to add: disable-ccid", ccid.Fix, StringComparison.Ordinal);
            Assert.Contains(ccid.Evidence, e => e.Contains($"pid {scdaemon.Id} scdaemon", StringComparison.Ordinal));
            Assert.Contains($"{conf}: log-file", ccid.Evidence);
            var json = DoctorJson.Check(report, "gnupg-ccid");
            Assert.Equal("WARN", json.Status());
            Assert.Equal(ccid.Fix, json.Fix());

            File.AppendAllText(conf, "disable-ccid\n");
            report = await RunAsync(TestContext.Current.CancellationToken, options);
            ccid = report["gnupg-ccid"];
            Assert.Equal(DoctorStatus.Ok, ccid.Status);
            Assert.Null(ccid.Fix);
            Assert.Contains($"{conf}: disable-ccid, log-file", ccid.Evidence);
            json = DoctorJson.Check(report, "gnupg-ccid");
            Assert.Equal("OK", json.Status());
            Assert.Null(json.Fix());
            // Its sibling check runs on the same facts: the sleep is no PC/SC client, pcsc-shared is absent.
            Assert.NotEqual(DoctorStatus.Skip, report["gnupg-shared"].Status);
        }
        finally
        {
            scdaemon.Kill();
            await scdaemon.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task USB_readers_are_checked_against_the_real_libccid_Info_plist()
    {
        const string plist = "/usr/lib/pcsc/drivers/ifd-ccid.bundle/Contents/Info.plist";
        var (version, listed) = ReadPlistIndependently(plist);
        Assert.True(listed.ContainsKey((0x072F, 0x90CC)), "libccid lists the ACS ACR38U");
        Assert.False(listed.ContainsKey((0x1234, 0x5678)), "libccid does not list 1234:5678");
        using var sysfs = TempPath.Directory();
        FakeUsbDevice(sysfs, "1-1", "072f", "90cc", "ACS", "ACR38U-CCID", busnum: 1, devnum: 5, interfaceClass: "0b");
        FakeUsbDevice(sysfs, "1-2", "1234", "5678", "Nobody", "Unlisted CCID Reader", busnum: 1, devnum: 6, interfaceClass: "0b");
        FakeUsbDevice(sysfs, "1-3", "046d", "c52b", "Logitech", "USB Receiver", busnum: 1, devnum: 7, interfaceClass: "03");

        var report = await RunAsync(TestContext.Current.CancellationToken, DoctorOptions.FromEnvironment() with { SysfsRoot = sysfs.Path });
        var usb = report["usb-readers"];
        Assert.Equal(DoctorStatus.Fail, usb.Status);
        Assert.Contains("2 USB readers", usb.Summary, StringComparison.Ordinal);
        Assert.Contains(usb.Evidence, e => e.Contains($"ifd-ccid.bundle {version} (", StringComparison.Ordinal));
        var acs = Assert.Single(usb.Evidence, e => e.StartsWith("1-1 072f:90cc", StringComparison.Ordinal));
        Assert.Contains($"listed by ifd-ccid.bundle {version} as \"{listed[(0x072F, 0x90CC)]}\"; pcscd does not show it", acs, StringComparison.Ordinal);
        var unlisted = Assert.Single(usb.Evidence, e => e.StartsWith("1-2 1234:5678", StringComparison.Ordinal));
        Assert.Contains("no driver lists 1234:5678", unlisted, StringComparison.Ordinal);
        Assert.DoesNotContain(usb.Evidence, e => e.StartsWith("1-3", StringComparison.Ordinal));
        Assert.Contains("1 other USB device (not smart-card readers)", usb.Evidence);
        Assert.Contains("ifdVendorID 0x1234, ifdProductID 0x5678", usb.Fix, StringComparison.Ordinal);

        var json = DoctorJson.Check(report, "usb-readers");
        Assert.Equal("FAIL", json.Status());
        Assert.Equal(usb.Evidence, json.Evidence());
        Assert.Equal(usb.Fix, json.Fix());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_vpcd_readers_are_OK_with_their_ports()
    {
        Pcscd.EnsureRunning();
        var report = await RunAsync(TestContext.Current.CancellationToken);
        var vpcd = report["vpcd"];
        Assert.Equal(DoctorStatus.Ok, vpcd.Status);
        foreach (var reader in VirtualReaders.Hosting.Concat(VirtualReaders.Web).Concat(VirtualReaders.Pcsc))
            Assert.Contains(vpcd.Evidence, e => e.StartsWith($"{reader.Name}: port {reader.Port}, listening on ", StringComparison.Ordinal));
        Assert.Contains("TCP ports 35963-35976", vpcd.Summary, StringComparison.Ordinal);
        Assert.Contains("all interfaces", vpcd.Summary, StringComparison.Ordinal);

        var json = DoctorJson.Check(report, "vpcd");
        Assert.Equal("OK", json.Status());
        Assert.Equal(vpcd.Summary, json.Summary());
        Assert.Null(json.Fix());
    }

    /// <summary>The path with every symlink resolved, as realpath(1) gives it (/lib -> /usr/lib on merged-/usr systems).</summary>
    private static async Task<string> RealPathAsync(string path)
    {
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(new ProcessStartInfo("realpath", [path]), null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }

    internal static async Task WaitForProcessNameAsync(int pid, string name)
    {
        var comm = $"/proc/{pid}/comm";
        while ((File.Exists(comm) ? (await File.ReadAllTextAsync(comm, TestContext.Current.CancellationToken)).Trim() : "") != name)
            await Task.Yield(); // exec() of the copy replaces the forked name; the test timeout bounds this
    }

    private static void FakeUsbDevice(TempPath sysfs, string name, string vendor, string product, string manufacturer, string label,
        int busnum, int devnum, string interfaceClass)
    {
        var devices = sysfs.Combine("bus", "usb", "devices");
        var device = Path.Combine(devices, name);
        Directory.CreateDirectory(device);
        File.WriteAllText(Path.Combine(device, "idVendor"), vendor + "\n");
        File.WriteAllText(Path.Combine(device, "idProduct"), product + "\n");
        File.WriteAllText(Path.Combine(device, "manufacturer"), manufacturer + "\n");
        File.WriteAllText(Path.Combine(device, "product"), label + "\n");
        File.WriteAllText(Path.Combine(device, "busnum"), busnum.ToString(CultureInfo.InvariantCulture) + "\n");
        File.WriteAllText(Path.Combine(device, "devnum"), devnum.ToString(CultureInfo.InvariantCulture) + "\n");
        var iface = Path.Combine(devices, name + ":1.0");
        Directory.CreateDirectory(iface);
        File.WriteAllText(Path.Combine(iface, "bInterfaceClass"), interfaceClass + "\n");
    }

    /// <summary>The plist read with LINQ to XML, not with the code under test: version and (vendor, product) -> name.</summary>
    private static (string Version, Dictionary<(int, int), string> Readers) ReadPlistIndependently(string path)
    {
        var dict = XDocument.Load(path).Root!.Element("dict")!.Elements().ToList();
        XElement After(string key) => dict[dict.FindIndex(e => e.Name == "key" && e.Value == key) + 1];
        int Hex(string s) => int.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var vendors = After("ifdVendorID").Elements("string").Select(e => Hex(e.Value)).ToList();
        var products = After("ifdProductID").Elements("string").Select(e => Hex(e.Value)).ToList();
        var names = After("ifdFriendlyName").Elements("string").Select(e => e.Value).ToList();
        var readers = new Dictionary<(int, int), string>();
        for (var i = 0; i < vendors.Count; i++)
            readers.TryAdd((vendors[i], products[i]), names[i]);
        return (After("CFBundleShortVersionString").Value, readers);
    }
}

/// <summary>Reader "Virtual PCD G 00 00": a virtual card held exclusively by another process.</summary>
[Collection("Reader G")]
public class DoctorHolderTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_reader_held_exclusively_names_the_process_that_holds_it()
    {
        var reader = VirtualReaders.Hosting[0];
        using var inserted = await InsertedCard.InsertAsync(VirtualCards.Create("iso"), reader, TestContext.Current.CancellationToken);
        using var holder = Process.Start(new ProcessStartInfo(PcscClient.Path, ["hold", reader.Name])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("held", await holder.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));

            var report = await DoctorTests.RunAsync(TestContext.Current.CancellationToken);
            var holders = report["holders"];
            Assert.Equal(DoctorStatus.Warn, holders.Status);
            var expected = $"pid {holder.Id} pcsc_client (user {Environment.UserName})";
            Assert.Contains($"{reader.Name} is held exclusively, likely by {expected}", holders.Summary, StringComparison.Ordinal);
            var line = Assert.Single(holders.Evidence, e => e.StartsWith(reader.Name + ":", StringComparison.Ordinal));
            Assert.Contains("SCARD_E_SHARING_VIOLATION", line, StringComparison.Ordinal);
            Assert.Contains($"likely by {expected}: its command line names the reader", line, StringComparison.Ordinal);
            Assert.Contains(holders.Evidence, e => e.StartsWith($"PC/SC client: {expected}: {PcscClient.Path} hold {reader.Name}", StringComparison.Ordinal));
            Assert.Contains($"kill {holder.Id}", holders.Fix, StringComparison.Ordinal);

            var json = DoctorJson.Check(report, "holders");
            Assert.Equal("WARN", json.Status());
            Assert.Equal(holders.Summary, json.Summary());
            Assert.Equal(holders.Evidence, json.Evidence());
            Assert.Equal(holders.Fix, json.Fix());
        }
        finally
        {
            holder.StandardInput.Close();
            if (!holder.WaitForExit(TimeSpan.FromSeconds(10)))
                holder.Kill();
        }
        Assert.Equal(0, holder.ExitCode);
    }
}

/// <summary>Stops the shared pcscd: runs alone in test.sh's second pass (trait RestartsPcscd).</summary>
[Collection("Reader G")]
[Trait("Category", "RestartsPcscd")]
public class DoctorPcscdTests
{
    [Fact(Timeout = 90_000)]
    public async Task Without_pcscd_the_check_fails_with_the_start_command_and_after_it_is_OK()
    {
        Assert.Null(Pcscd.Control("stop"));
        try
        {
            var report = await DoctorTests.RunAsync(TestContext.Current.CancellationToken);
            var pcscd = report["pcscd"];
            Assert.Equal(DoctorStatus.Fail, pcscd.Status);
            Assert.Contains($"pcscd is not running (nothing answers on {DoctorOptions.DefaultSocketPath})", pcscd.Summary, StringComparison.Ordinal);
            Assert.Contains("no pcscd process runs", pcscd.Evidence);
            Assert.NotNull(pcscd.Fix);
            Assert.Contains("pcscd", pcscd.Fix, StringComparison.Ordinal);
            var json = DoctorJson.Check(report, "pcscd");
            Assert.Equal("FAIL", json.Status());
            Assert.Equal(pcscd.Fix, json.Fix());
            Assert.Equal(DoctorStatus.Fail, report.Status);

            // The fix is the start command: run it as given. Through Python's subprocess, whose close_fds
            // keeps the test run's open files (test.sh's flock on /tmp/cardkit-pcscd.lock) out of the
            // daemon it starts: a daemon holding that descriptor would hold the shared lock for ever.
            var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(new ProcessStartInfo("python3",
                ["-c", "import subprocess, sys; sys.exit(subprocess.call(['/bin/sh', '-c', sys.argv[1]], close_fds=True))", pcscd.Fix]),
                null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0, stdout + stderr);
            await WaitForAnswerAsync();
            foreach (var pid in Process.GetProcessesByName("pcscd").Select(p => p.Id))
            {
                var open = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Select(fd => new FileInfo(fd).LinkTarget).ToList();
                Assert.DoesNotContain("/tmp/cardkit-pcscd.lock", open);
            }

            report = await DoctorTests.RunAsync(TestContext.Current.CancellationToken);
            pcscd = report["pcscd"];
            Assert.Equal(DoctorStatus.Ok, pcscd.Status);
            Assert.StartsWith("pcscd ", pcscd.Summary, StringComparison.Ordinal);
            Assert.Contains($"answers on {DoctorOptions.DefaultSocketPath}", pcscd.Summary, StringComparison.Ordinal);
            Assert.Null(pcscd.Fix);
            json = DoctorJson.Check(report, "pcscd");
            Assert.Equal("OK", json.Status());
            Assert.Null(json.Fix());
        }
        finally
        {
            // Back to the pcscd scripts/pcscd.sh runs (its log in .run/), whoever started the current one.
            Assert.Null(Pcscd.Control("restart"));
        }
    }

    /// <summary>Waits until pcscd answers on its socket (a signal: the connect succeeds), within the test's timeout.</summary>
    private static async Task WaitForAnswerAsync()
    {
        while (true)
        {
            var report = await DoctorTests.RunAsync(TestContext.Current.CancellationToken);
            if (report["pcscd"].Status == DoctorStatus.Ok)
                return;
            await Task.Yield();
        }
    }
}
