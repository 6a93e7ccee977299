using System.Diagnostics;
using CardKit.Testing;

namespace CardKit.Emulator.Tests;

[CollectionDefinition("Reader C", DisableParallelization = true)]
public sealed class ReaderCGroup;

/// <summary>pyscard (a real, independent PC/SC client) sees CardKit's virtual cards as real cards through pcscd + vpcd.</summary>
[Collection("Reader C")]
public class VpcdIntegrationTests
{
    private static readonly VirtualReader Reader = VirtualReaders.Emulator[0];

    [Theory(Timeout = 60_000)]
    [InlineData("sim", "A0A40000027F10", "9F16")]
    [InlineData("usim", "00A4040407A0000000871002", "61")]
    [InlineData("iso", "00A4040C08F043617264 4B6974", "9000")]
    public async Task Pyscard_reads_the_ATR_and_gets_answers(string kind, string apdu, string expectedSw)
    {
        Pcscd.EnsureRunning();
        var card = VirtualCards.Create(kind);
        using var client = new VpcdClient(card, port: Reader.Port).Start();
        await client.WaitConnectedAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var script = $$"""
            import time, sys
            from smartcard.scard import *
            hc = SCardEstablishContext(SCARD_SCOPE_USER)[1]
            deadline = time.time() + 15
            # Wait until pcscd shows THIS card (a previous test's card may still be reported for a moment).
            while True:
                rv, states = SCardGetStatusChange(hc, 500, [("{{Reader.Name}}", SCARD_STATE_UNAWARE)])
                if states[0][1] & SCARD_STATE_PRESENT and bytes(states[0][2]).hex().upper() == "{{Hex.Format(card.Atr.Span, '\0')}}": break
                if time.time() > deadline: break
                time.sleep(0.1)
            rv, card, proto = SCardConnect(hc, "{{Reader.Name}}", SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1)
            if rv: print("connect failed", hex(rv & 0xffffffff)); sys.exit(1)
            rv, name, state, proto, atr = SCardStatus(card)
            print(bytes(atr).hex().upper())
            rv, resp = SCardTransmit(card, proto, list(bytes.fromhex("{{apdu.Replace(" ", "", StringComparison.Ordinal)}}")))
            print(bytes(resp).hex().upper())
            """;
        var (exitCode, output) = await RunPython(script, TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Hex.Format(card.Atr.Span, '\0'), lines[0]);
        Assert.StartsWith(expectedSw, lines[1][^4..], StringComparison.Ordinal);
        Assert.True(client.ApduCount >= 1);
    }

    private static async Task<(int ExitCode, string Output)> RunPython(string script, CancellationToken cancellationToken)
    {
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(new ProcessStartInfo("/usr/bin/python3", "-"), script, TimeSpan.FromSeconds(40), cancellationToken);
        return (exitCode, stdout + stderr);
    }
}

/// <summary>The plain pyscard GSM 11.11 loop (bench/sim/pyscard_dump.py) reads examples/phonebook.json from the virtual SIM.</summary>
[Collection("Reader C")]
public class PyscardPhonebookTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_plain_pyscard_script_dumps_the_example_phone_book()
    {
        Pcscd.EnsureRunning();
        var reader = VirtualReaders.Emulator[1];
        var card = CardData.Load(File.OpenRead(Path.Combine(Pcscd.RepoRoot, "examples", "phonebook.json")));
        // Connected to vpcd is not yet seen by pcscd (it polls presence): wait for pcscd to report the card.
        using var inserted = await InsertedCard.InsertAsync(card, reader, TestContext.Current.CancellationToken);
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(
            new ProcessStartInfo("/usr/bin/python3", [Path.Combine(Pcscd.RepoRoot, "bench", "sim", "pyscard_dump.py"), reader.Name, "1234"]),
            null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, stderr);
        // The plain script garbles the UCS2 names and ignores EXT1 (what CardKit's decoder is for),
        // but the card answers it like a real SIM.
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("   1  Voice Mail  +18056377243", lines[0]);
        Assert.Equal(" 240  Contact 240  +49301000240", lines[^1]);
        Assert.Contains("239 entries, 257 APDUs", stderr, StringComparison.Ordinal);
    }
}
