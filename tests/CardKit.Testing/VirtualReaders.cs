using System.Diagnostics;

namespace CardKit.Testing;

/// <summary>A vpcd reader slot: the name pcscd gives it and the TCP port a virtual card connects to.</summary>
public sealed record VirtualReader(string Name, int Port);

/// <summary>
/// The vpcd readers scripts/setup.sh configures, handed out so that test suites running in
/// parallel never share a reader. Inside one test project, tests that use the same reader must
/// be in the same xunit collection.
/// </summary>
public static class VirtualReaders
{
    /// <summary>"Virtual PCD 00 00/01": kept for people and ./run.sh, never used by tests.</summary>
    public static readonly VirtualReader[] Manual = [new("Virtual PCD 00 00", 35963), new("Virtual PCD 00 01", 35964)];

    public static readonly VirtualReader[] Pcsc = Pair("B", 35965);
    public static readonly VirtualReader[] Emulator = Pair("C", 35967);
    public static readonly VirtualReader[] Cli = Pair("D", 35969);
    public static readonly VirtualReader[] CliSim = Pair("E", 35971);

    /// <summary>"Virtual PCD F": benchmarks and comparison scripts in bench/.</summary>
    public static readonly VirtualReader[] Bench = Pair("F", 35973);

    /// <summary>
    /// "Virtual PCD G 00 00": tests/CardKit.Hosting.Tests (reader choice, doctor). The last pair: a
    /// monitor watches every reader plus the PnP pseudo-reader in one SCardGetStatusChange, and
    /// pcsc-lite takes at most 16 reader states (PCSCLITE_MAX_READERS_CONTEXTS).
    /// </summary>
    public static readonly VirtualReader[] Hosting = [new("Virtual PCD G 00 00", 35975)];

    /// <summary>"Virtual PCD G 00 01": tests/CardKit.Web.Tests (the card console).</summary>
    public static readonly VirtualReader[] Web = [new("Virtual PCD G 00 01", 35976)];

    private static VirtualReader[] Pair(string letter, int port) =>
        [new($"Virtual PCD {letter} 00 00", port), new($"Virtual PCD {letter} 00 01", port + 1)];
}

/// <summary>Makes sure pcscd runs with the vpcd readers before an integration test talks to it.</summary>
public static class Pcscd
{
    private static readonly Lazy<string?> Started = new(StartOnce);

    /// <summary>Starts pcscd through scripts/pcscd.sh if needed; throws with the script's output if it cannot.</summary>
    public static void EnsureRunning()
    {
        if (Started.Value is { } error)
            throw new InvalidOperationException(error);
    }

    public static string RepoRoot
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "CardKit.slnx")))
                dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("CardKit.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs scripts/pcscd.sh with <paramref name="verb"/> (start, stop, restart); returns null or the error text.</summary>
    public static string? Control(string verb)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot, "scripts", "pcscd.sh"), verb)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return $"scripts/pcscd.sh {verb} did not finish within 30 s";
        }
        return process.ExitCode == 0 ? null : $"scripts/pcscd.sh {verb} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}";
    }

    private static string? StartOnce() => Control("start");
}
