using System.Diagnostics;
using System.Globalization;
using CardKit.Capture;
using CardKit.Testing;
using CardKit.Testing.Captures;

namespace CardKit.Tests.Capture;

/// <summary>
/// Wireshark's tshark (Debian `tshark`, 4.0) decodes the generated capture with "Decode As"
/// USBCCID payload = ISO 7816; CardKit must agree on every frame where tshark decodes a field
/// correctly. Where tshark misreads (it has no notion of chaining or T=1) or decodes nothing,
/// the test names the frames and checks that tshark really does so, so the list stays honest.
/// </summary>
public class TsharkAgreementTests
{
    private static readonly string[] Fields =
    [
        "frame.number", "usb.device_address", "usbccid.bMessageType", "usbccid.bSlot", "usbccid.bSeq", "usbccid.bStatus", "usbccid.bError",
        "iso7816.apdu.cla", "iso7816.apdu.ins", "iso7816.apdu.p1", "iso7816.apdu.p2", "iso7816.apdu.lc", "iso7816.apdu.le",
        "iso7816.apdu.sw1", "iso7816.apdu.sw2", "iso7816.atr.init_char",
    ];

    [Fact]
    public async Task CardKit_agrees_with_tshark_on_every_frame_tshark_decodes()
    {
        using var file = TempPath.File(".pcapng");
        using (var stream = File.Create(file.Path))
            CcidTestCaptures.Standard(stream);
        List<SpyMessage> messages;
        using (var stream = File.OpenRead(file.Path))
            messages = [.. CcidSpy.Decode(stream)];
        var rows = await Tshark(file.Path);
        var byFrame = messages.Where(m => m.Type != 0 && m.Direction != "none").ToLookup(m => m.Frame);

        // Frames tshark decodes as APDUs or status words where it reads the bytes wrongly:
        var misread = new Dictionary<long, string>();
        foreach (var m in messages.Where(m => m.Device == "1.7" && m.T1 is not null))
            misread[m.Frame] = "T=1 block read as an APDU (NAD taken as CLA)";
        foreach (var m in messages.Where(m => m.Detail is "command APDU begins, more follows" or "command APDU continues and ends here" or "response begins, more follows"))
            misread[m.Frame] = "one part of a chained extended APDU read as a whole APDU";
        foreach (var m in messages.Where(m => m.Apdu is { Extended: true }))
            misread[m.Frame] = "extended Lc/Le read as one byte (\"we support only short length fields\")";
        foreach (var m in messages.Where(m => m.Message is "PC_to_RDR_Escape" or "RDR_to_PC_Escape"))
            misread[m.Frame] = "Escape payload read as an APDU";

        var compared = 0;
        foreach (var row in rows.Where(r => r["usbccid.bMessageType"].Length > 0))
        {
            var frame = long.Parse(row["frame.number"], CultureInfo.InvariantCulture);
            var type = Number(row["usbccid.bMessageType"]);
            var m = Assert.Single(byFrame[frame]);
            Assert.Equal(type, m.Type);
            if (row["usbccid.bSlot"].Length > 0)
            {
                Assert.Equal(Number(row["usbccid.bSlot"]), m.Slot);
                Assert.Equal(Number(row["usbccid.bSeq"]), m.Seq);
            }
            if (row["usbccid.bStatus"].Length > 0)
            {
                Assert.Equal(Number(row["usbccid.bStatus"]), m.Status!.Value);
                if ((m.Status.Value >> 6) == 1)
                    Assert.Equal(Number(row["usbccid.bError"]), m.Error!.Code);
            }
            if (row["iso7816.atr.init_char"].Length > 0)
                Assert.Equal(Number(row["iso7816.atr.init_char"]), Convert.FromHexString(m.Atr!.Hex)[0]);
            compared++;
            if (misread.ContainsKey(frame))
                continue;
            if (row["iso7816.apdu.ins"].Length > 0)
            {
                var apdu = m.Apdu ?? throw new InvalidOperationException($"frame {frame}: tshark decodes an APDU, CardKit none");
                Assert.Equal(Number(row["iso7816.apdu.cla"]), apdu.Cla);
                Assert.Equal(Number(row["iso7816.apdu.ins"]), apdu.Ins);
                Assert.Equal(apdu.Hex[4..8], (row["iso7816.apdu.p1"][2..] + row["iso7816.apdu.p2"][2..]).ToUpperInvariant());
                if (row["iso7816.apdu.lc"].Length > 0)
                    Assert.Equal(Number(row["iso7816.apdu.lc"]), apdu.Lc);
                if (row["iso7816.apdu.le"].Length > 0)
                    Assert.Equal(Number(row["iso7816.apdu.le"]) is var le and > 0 ? le : 256, apdu.Le);
            }
            if (row["iso7816.apdu.sw1"].Length > 0)
            {
                var response = m.Response ?? throw new InvalidOperationException($"frame {frame}: tshark decodes a status word, CardKit none");
                Assert.Equal((row["iso7816.apdu.sw1"][2..] + row["iso7816.apdu.sw2"][2..]).ToUpperInvariant(), response.Sw);
            }
        }
        Assert.True(compared > 70, $"only {compared} frames compared");

        // What CardKit decodes and tshark does not: check that tshark really leaves these out.
        var decodedByTshark = rows.Where(r => r["usbccid.bMessageType"].Length > 0).Select(r => long.Parse(r["frame.number"], CultureInfo.InvariantCulture)).ToHashSet();
        var slotSeqByTshark = rows.Where(r => r["usbccid.bSlot"].Length > 0).Select(r => long.Parse(r["frame.number"], CultureInfo.InvariantCulture)).ToHashSet();
        // 1. The interrupt pipe: NotifySlotChange and HardwareError.
        Assert.All(messages.Where(m => m.Type is 0x50 or 0x51), m => Assert.DoesNotContain(m.Frame, decodedByTshark));
        // 2. The reader whose enumeration was not captured (USBPcap, bus 2): tshark needs "Decode As" per endpoint.
        Assert.All(messages.Where(m => m.Device == "2.3" && m.Type != 0), m => Assert.DoesNotContain(m.Frame, decodedByTshark));
        // 3. Secure, IccClock, T0APDU, Mechanical, SetDataRateAndClockFrequency, ResetParameters, Abort: tshark shows the type only.
        Assert.All(messages.Where(m => m.Type is 0x69 or 0x6E or 0x6A or 0x71 or 0x73 or 0x6D or 0x72), m => Assert.DoesNotContain(m.Frame, slotSeqByTshark));
        // 4. T=1 blocks (NAD, PCB, chaining, WTX, EDC) and the APDUs reassembled from them or from extended-level chains.
        Assert.Contains(messages, m => m.T1?.Function == "WTX request");
        Assert.Contains(messages, m => m.Apdu is { Extended: true, Lc: 300 });
    }

    private static int Number(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? int.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : int.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<List<Dictionary<string, string>>> Tshark(string path)
    {
        var psi = new ProcessStartInfo("tshark") { ArgumentList = { "-r", path, "-d", "usbccid.subdissector,iso7816", "-T", "fields", "-E", "separator=|", "-E", "occurrence=f" } };
        foreach (var field in Fields)
        {
            psi.ArgumentList.Add("-e");
            psi.ArgumentList.Add(field);
        }
        (int ExitCode, string Stdout, string Stderr) result;
        try
        {
            result = await ProcessRunner.RunAsync(psi, null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("tshark is not installed: scripts/setup.sh test installs it (Debian package tshark)");
        }
        Assert.True(result.ExitCode == 0, result.Stderr);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Select(cells => Fields.Select((f, i) => (f, i < cells.Length ? cells[i] : "")).ToDictionary(p => p.f, p => p.Item2))];
    }
}
