using System.Diagnostics;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

/// <summary>Native/pcsc_client.c, compiled once per test run with gcc against the real libpcsclite (libpcsclite-dev).</summary>
internal static class PcscClient
{
    private static readonly Lazy<string> Built = new(Compile);
    private static readonly TempPath Directory = TempPath.Directory();

    /// <summary>The executable; its process name is "pcsc_client".</summary>
    public static string Path => Built.Value;

    /// <summary>Runs `pcsc_client establish` with <paramref name="environment"/>; returns its one line.</summary>
    public static async Task<string> EstablishAsync(IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(Path, ["establish"]);
        foreach (var (name, value) in environment)
            psi.Environment[name] = value;
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync(psi, null, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, stderr);
        return stdout.Trim();
    }

    private static string Compile()
    {
        var output = System.IO.Path.Combine(Directory.Path, "pcsc_client");
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Native", "pcsc_client.c");
        var psi = new ProcessStartInfo("gcc", ["-Wall", "-Werror", "-O1", "-I/usr/include/PCSC", source, "-o", output, "-lpcsclite", "-ldl"]);
        var (exitCode, stdout, stderr) = ProcessRunner.RunAsync(psi, null, TimeSpan.FromSeconds(60), CancellationToken.None).GetAwaiter().GetResult();
        if (exitCode != 0)
            throw new InvalidOperationException($"gcc pcsc_client.c failed: {stdout}{stderr}");
        return output;
    }
}
