using System.Diagnostics;
using System.Text;
using System.Xml;
using CardKit.Hosting.Doctor;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

/// <summary>The doctor's readers of outside data: real inputs, malformed inputs, and a random-input property.</summary>
public class DoctorParserTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_loader_cache_parser_agrees_with_ldconfig()
    {
        var (exitCode, stdout, _) = await ProcessRunner.RunAsync(new ProcessStartInfo("/sbin/ldconfig", ["-p"]), null, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(0, exitCode);
        // "\tlibpcsclite.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpcsclite.so.1"
        var expected = stdout.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("libpcsclite.so.1 (libc6,x86-64)", StringComparison.Ordinal))
            .Select(l => l.Split(" => ")[1]).ToList();
        Assert.NotEmpty(expected);
        var entries = LdSoCache.Parse(File.ReadAllBytes("/etc/ld.so.cache"), 0x0300);
        Assert.Equal(expected, entries.Where(e => e.Name == "libpcsclite.so.1").Select(e => e.Path));
    }

    [Fact]
    public void A_damaged_loader_cache_gives_what_it_holds_and_never_throws()
    {
        var cache = File.ReadAllBytes("/etc/ld.so.cache");
        var whole = LdSoCache.Parse(cache, 0x0300);
        var random = new Random(7816);
        for (var i = 0; i < 2_000; i++)
        {
            // Truncated: the entries read are a prefix of the whole list (or nothing when strings are cut).
            var cut = LdSoCache.Parse(cache.AsSpan(0, random.Next(cache.Length)), 0x0300);
            Assert.True(cut.Count <= whole.Count);
            // Random bytes, sometimes behind the magic: no exception, every entry is two strings.
            var noise = new byte[random.Next(200)];
            random.NextBytes(noise);
            var input = random.Next(2) == 0 ? noise : [.. "glibc-ld.so.cache1.1"u8, .. noise];
            Assert.All(LdSoCache.Parse(input, null), e => Assert.NotNull(e.Path));
        }
        Assert.Empty(LdSoCache.Parse("not a cache"u8, 0x0300));
    }

    [Fact]
    public void The_version_request_is_the_bytes_libpcsclite_sends_and_a_short_answer_is_refused()
    {
        // rxHeader {size 12, command CMD_VERSION 0x11} + version_struct {4, 4, 0}, little-endian host
        Assert.Equal(Hex.Parse("0C000000 11000000 04000000 04000000 00000000"), PcscdProbe.EncodeRequest(new ProtocolVersion(4, 4)));
        var (daemon, rv) = PcscdProbe.DecodeAnswer(Hex.Parse("04000000 05000000 1E001080"));
        Assert.Equal(new ProtocolVersion(4, 5), daemon);
        Assert.Equal(0x8010001Eu, rv);
        Assert.Throws<ArgumentException>(() => PcscdProbe.DecodeAnswer(Hex.Parse("04000000 05000000")));
    }

    [Theory]
    [InlineData("1.9.9", "4:4", 4)]
    [InlineData("1.8.23", "4:3", 3)]
    [InlineData("2.2.3", "4:4", 4)]
    [InlineData("2.3.0", "4:5", 5)]
    [InlineData("2.4.1", "4:5", 4)]
    [InlineData("2.5.0", "4:6", 4)]
    public void Each_release_speaks_its_protocol(string release, string speaks, int lowest)
    {
        var protocol = PcscLiteReleases.Protocol(PcscLiteReleases.ParseRelease(release)!)!.Value;
        Assert.Equal(speaks, protocol.Speaks.ToString());
        Assert.Equal(lowest, protocol.LowestAccepted);
    }

    [Fact]
    public void Versions_meet_as_pcsc_lite_accepts_them()
    {
        var v44 = new ProtocolVersion(4, 4);
        var v45 = new ProtocolVersion(4, 5);
        Assert.False(PcscLiteReleases.Compatible(v44, 4, v45, 5)); // 1.9.9 client, 2.3.0 daemon
        Assert.True(PcscLiteReleases.Compatible(v44, 4, v45, 4));  // 1.9.9 client, 2.4.1 daemon
        Assert.True(PcscLiteReleases.Compatible(v45, 4, v44, 4));  // 2.4.1 client, 1.9.9 daemon
        Assert.False(PcscLiteReleases.Compatible(v45, 5, v44, 4)); // 2.3.0 client, 1.9.9 daemon
        Assert.Equal("pcsc-lite 1.8.24 to 2.2.x", PcscLiteReleases.Speaking(v44));
        Assert.Equal("pcsc-lite 2.3.0 to 2.4.x", PcscLiteReleases.Speaking(v45));
        Assert.Equal(new Version(1, 9, 9), PcscLiteReleases.ParseRelease("1.9.9-2"));
        Assert.Equal(new Version(2, 0, 3), PcscLiteReleases.ParseRelease("2:2.0.3+dfsg-1"));
        Assert.Null(PcscLiteReleases.ParseRelease("unknown"));
    }

    [Fact]
    public void Proc_tables_skip_lines_that_do_not_parse()
    {
        var unix = UnixSocketTable.Parse([
            "Num       RefCount Protocol Flags    Type St Inode Path",
            "00000000d3468aa3: 00000002 00000000 00010000 0001 01 41450 /run/pcscd/pcscd.comm",
            "0000000069a949a3: 00000003 00000000 00000000 0001 03 149783 /run/pcscd/pcscd.comm",
            "0000000069a949a3: 00000003 00000000 00000000 0001 03 149782",
            "garbage", "", "00000000: 00000002 00000000 zzzz 0001 01 1 /x", "00000000: 00000002 00000000 00000000 0001 01 -5",
        ]);
        Assert.Equal([41450L, 149783L, 149782L], unix.Sockets.Select(s => s.Inode));
        Assert.Equal(41450, Assert.Single(unix.ListeningOn("/run/pcscd/pcscd.comm")).Inode);
        Assert.Equal(1, unix.ConnectionsTo("/run/pcscd/pcscd.comm"));

        var tcp = new Dictionary<int, List<string>>();
        TcpListeners.Parse([
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 00000000:8C87 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
            "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2",
            "   2: 0100007F:1F91 0100007F:8C87 01 00000000:00000000 00:00000000 00000000     0        0 3",
            "   3: nonsense", "",
        ], tcp);
        Assert.Equal(["0.0.0.0"], tcp[35975]);
        Assert.Equal(["127.0.0.1"], tcp[8080]);
        Assert.False(tcp.ContainsKey(8081)); // established, not listening
    }

    [Fact]
    public void Reader_conf_stanzas_give_vpcd_ports_and_a_driver_plist_that_is_not_XML_is_refused()
    {
        var readers = VpcdReader.Parse([
            "# comment", "FRIENDLYNAME \"Virtual PCD G\"", "DEVICENAME   /dev/null:0x8C87", "LIBPATH      /x/libifdvpcd-G.so", "CHANNELID    0x8C87", "",
            "FRIENDLYNAME \"No port\"", "LIBPATH /x/libifdvpcd.so", "DEVICENAME /dev/null",
            "FRIENDLYNAME \"Decimal\"", "DEVICENAME /dev/null:35963", "LIBPATH /x/libifdvpcd.so",
        ], "test.conf").ToList();
        Assert.Equal([("Virtual PCD G", 35975), ("Decimal", 35963)], readers.Select(r => (r.FriendlyName, r.BasePort)));

        using var broken = new MemoryStream(Encoding.UTF8.GetBytes("<plist><dict><key>ifdVendorID</key><array><string>0x072F"));
        Assert.Throws<XmlException>(() => ReaderDriver.Parse("x.bundle", broken));
        using var plist = new MemoryStream(Encoding.UTF8.GetBytes(
            "<plist><dict><key>CFBundleShortVersionString</key><string>9.9</string><key>ifdCapabilities</key><true/>"
            + "<key>ifdVendorID</key><array><string>0x072F</string><string>zz</string></array>"
            + "<key>ifdProductID</key><array><string>0x90CC</string><string>0x0001</string></array>"
            + "<key>ifdFriendlyName</key><array><string>ACS</string><string>Bad</string></array></dict></plist>"));
        var driver = ReaderDriver.Parse("x.bundle", plist);
        Assert.Equal("x.bundle 9.9", driver.Describe());
        Assert.Equal("ACS", driver.Lists(0x072F, 0x90CC));
        Assert.Single(driver.Readers);
    }
}
