using System.Text;
using CardKit.Capture;

namespace CardKit.Tests.Capture;

/// <summary>
/// The raw log libpcscspy writes (pcsc-lite 1.9: "THREAD@" on every line, "&gt;|sec|usec|fn" at a
/// call's start, one argument per line, "&lt;|sec|usec|fn|text|0xcode" at its end, buffers as "XX "
/// per byte). The first four lines are what libpcscspy wrote here for a failing
/// SCardEstablishContext; the rest follows the same format with two interleaved threads.
/// </summary>
public class PcscSpyLogTests
{
    private const string Log = """
        7F0DFEE4A740@>|1796165124|830235|SCardEstablishContext
        7F0DFEE4A740@0x00000002
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@<|1796165124|830350|SCardEstablishContext|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|830400|SCardConnect
        7F0DFEE4A740@0x0000000001020304
        7F0DFEE4A740@Virtual PCD 00 00
        7F0DFEE4A740@0x00000002
        7F0DFEE4A740@0x00000003
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@<|1796165124|832000|SCardConnect|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|832100|SCardStatus
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@0x00000021
        7F0DFEE4A740@0x00000012
        7F0DFEE4A740@Virtual PCD 00 00
        7F0DFEE4A740@0x00000034
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@0x00000016
        7F0DFEE4A740@3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 57 86 81 02 86 98 44 18 A8 
        7F0DFEE4A740@<|1796165124|832150|SCardStatus|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|832200|SCardTransmit
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@0x00000010
        7F0DFEE4A740@0x0000000C
        7F0DFEE4A740@00 A4 04 04 07 A0 00 00 00 87 10 02 
        7F0DFE000700@>|1796165124|832210|SCardIsValidContext
        7F0DFE000700@0x0000000001020304
        7F0DFE000700@<|1796165124|832220|SCardIsValidContext|Command successfully completed.|0x00000000
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@0x00000010
        7F0DFEE4A740@0x00000002
        7F0DFEE4A740@61 26 
        7F0DFEE4A740@<|1796165124|832500|SCardTransmit|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|832600|SCardTransmit
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@0x00000010
        7F0DFEE4A740@0x0000000D
        7F0DFEE4A740@00 20 00 01 08 31 32 33 34 FF FF FF FF 
        7F0DFEE4A740@0x00000001
        7F0DFEE4A740@0x00000010
        7F0DFEE4A740@0x00000002
        7F0DFEE4A740@63 C2 
        7F0DFEE4A740@<|1796165124|833000|SCardTransmit|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|833100|SCardControl
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x42000D48
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@
        7F0DFEE4A740@0x0000000C
        7F0DFEE4A740@06 04 42 33 00 06 07 04 42 33 00 07 
        7F0DFEE4A740@<|1796165124|833200|SCardControl|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|833300|SCardControl
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x42330006
        7F0DFEE4A740@0x00000020
        7F0DFEE4A740@00 00 82 04 00 08 04 02 01 04 09 00 00 00 00 0D 00 00 00 00 20 00 00 08 30 30 30 30 00 00 00 00 
        7F0DFEE4A740@0x00000002
        7F0DFEE4A740@90 00 
        7F0DFEE4A740@<|1796165124|839000|SCardControl|Command successfully completed.|0x00000000
        7F0DFEE4A740@>|1796165124|839100|SCardDisconnect
        7F0DFEE4A740@0x000000000A0B0C0D
        7F0DFEE4A740@0x00000000
        7F0DFEE4A740@<|1796165124|839200|SCardDisconnect|Command successfully completed.|0x00000000

        """;

    private static List<SpyMessage> Decode(string log) => [.. CcidSpy.Decode(new MemoryStream(Encoding.ASCII.GetBytes(log.Replace("\r", "", StringComparison.Ordinal))))];

    [Fact]
    public void Every_call_is_listed_with_its_result_and_duration()
    {
        var calls = Decode(Log);
        Assert.Equal(["SCardEstablishContext", "SCardConnect", "SCardStatus", "SCardIsValidContext", "SCardTransmit", "SCardTransmit", "SCardControl", "SCardControl", "SCardDisconnect"],
            calls.Select(c => c.Message));
        Assert.All(calls, c => Assert.Equal("call", c.Direction));
        Assert.Equal("Command successfully completed.", calls[0].Call!.Result);
        Assert.Equal(0.115, calls[0].Call!.DurationMs, 3);
        Assert.Equal("7F0DFE000700", calls[3].Device);
        Assert.Equal(1, calls[0].Frame);
        Assert.Equal("3B9F95801FC38031E073FE21135786810286984418A8", calls[2].Atr!.Hex);
    }

    [Fact]
    public void Transmit_APDUs_are_decoded_like_captures_and_PINs_masked()
    {
        var calls = Decode(Log).Where(c => c.Message == "SCardTransmit").ToList();
        Assert.Equal("SELECT", calls[0].Apdu!.Name);
        Assert.Equal("6126", calls[0].Response!.Sw);
        Assert.Equal("0020000108****************", calls[1].Apdu!.Hex);
        Assert.DoesNotContain(calls[1].Call!.Arguments, a => a.Contains("31 32 33 34", StringComparison.Ordinal));
        Assert.Equal("63C2", calls[1].Response!.Sw);
    }

    [Fact]
    public void A_part_10_PIN_verify_structure_in_SCardControl_is_decoded()
    {
        var control = Decode(Log).Where(c => c.Message == "SCardControl").ToList();
        Assert.Null(control[0].Secure);
        var secure = control[1].Secure!;
        Assert.Null(secure.Error);
        Assert.Equal("verify", secure.Operation);
        Assert.Equal(0, secure.TimeOut2);
        Assert.Equal("VERIFY", secure.Template!.Name);
        Assert.Equal("00200000083030303000000000", secure.Template.Hex);
    }

    [Theory]
    [InlineData("7F@>|1|2|SCardConnect\n", "the log ends inside SCardConnect")]
    [InlineData("7F@<|1|2|SCardConnect|x|0x0\n", "returns but was not called")]
    [InlineData("7F@>|1|x|SCardConnect\n", "a call start is")]
    [InlineData("7F@hello\n", "neither a call start")]
    public void A_damaged_log_says_which_line(string log, string problem)
    {
        var e = Assert.Throws<CaptureFormatException>(() => Decode(log));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_thousand_damaged_logs_fail_only_with_the_format_error_after_the_intact_calls()
    {
        var intact = Decode(Log);
        var text = Log.Replace("\r", "", StringComparison.Ordinal);
        var random = new Random(3400);
        for (var i = 0; i < 2000; i++)
        {
            var chars = text.ToCharArray();
            var at = random.Next(chars.Length);
            var cut = random.Next(3) == 0;
            if (!cut)
                chars[at] = "|@<>0xA \nZ"[random.Next(10)];
            var damaged = cut ? text[..at] : new string(chars);
            var decoded = new List<SpyMessage>();
            try
            {
                foreach (var m in CcidSpy.Decode(new MemoryStream(Encoding.ASCII.GetBytes(damaged))))
                    decoded.Add(m);
            }
            catch (CardKitFormatException)
            {
            }
            // Calls that returned before the damaged line are decoded as before.
            var firstDamagedLine = text[..at].Count(c => c == '\n') + 1;
            var before = intact.Where(c => EndLine(text, c) < firstDamagedLine).ToList();
            Assert.True(decoded.Count >= before.Count, $"damage {i} at {at}: {decoded.Count} calls, {before.Count} intact");
            for (var k = 0; k < before.Count; k++)
                Assert.Equal(Json(before[k]), Json(decoded[k]));
        }
    }

    private static string Json(SpyMessage m) => System.Text.Json.JsonSerializer.Serialize(m, CardKitJsonContext.Default.SpyMessage);

    // The line of a call's "<|" (its end).
    private static int EndLine(string text, SpyMessage call)
    {
        var lines = text.Split('\n');
        for (var n = (int)call.Frame; n <= lines.Length; n++)
        {
            if (lines[n - 1].Contains("@<|", StringComparison.Ordinal) && lines[n - 1].Split('@')[0] == call.Device)
                return n;
        }
        return int.MaxValue;
    }

    /// <summary>
    /// A log libpcscspy (pcsc-lite 1.9.9, Debian 12) wrote while `cardkit send` talked to a virtual
    /// USIM through pcscd; the client crashed inside libpcscspy's SCardTransmit, so the log ends
    /// inside that call: every call before it is decoded, then the truncation is reported.
    /// </summary>
    [Fact]
    public void A_real_libpcscspy_log_decodes_up_to_where_it_was_cut()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Capture", "Data", "libpcscspy-cardkit-send.txt"));
        var decoded = new List<SpyMessage>();
        var e = Assert.Throws<CaptureFormatException>(() => decoded.AddRange(CcidSpy.Decode(new MemoryStream(bytes))));
        Assert.Contains("the log ends inside SCardTransmit called at line 204", e.Message, StringComparison.Ordinal);
        Assert.Equal(["SCardEstablishContext", "SCardListReaders", "SCardListReaders", "SCardGetStatusChange", "SCardReleaseContext",
            "SCardEstablishContext", "SCardConnect", "SCardStatus"], decoded.Select(m => m.Message));
        Assert.All(decoded, m => Assert.Equal("Command successful.", m.Call!.Result));
        Assert.Equal("3B9F95801FC38031E073FE21135786810286984418A8", decoded[^1].Atr!.Hex);
        Assert.Equal("Virtual PCD 00 00", decoded[6].Call!.Arguments[1]);
    }
}
