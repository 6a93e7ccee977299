using System.Diagnostics;

namespace CardKit.Testing;

/// <summary>
/// A private SoftHSM2 token directory for one test process (SOFTHSM2_CONF in a temp dir) and the
/// real command-line tools run against it with timeouts: softhsm2-util, pkcs11-tool, openssl.
/// </summary>
public sealed class SoftHsm
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "1234";
    public const string SoPin = "123456";

    private static readonly Lazy<SoftHsm> Shared = new(() => new SoftHsm());

    // `softhsm2-util --init-token --free` picks the first free slot: two test classes initialising
    // their tokens at once in one directory both took slot 0 and one failed ("Could not get info
    // about the token in slot 0"), so token creation is one at a time per directory.
    private readonly Lock _initLock = new();

    private SoftHsm()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"cardkit-softhsm-{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "tokens"));
        ConfigPath = Path.Combine(Directory, "softhsm2.conf");
        File.WriteAllText(ConfigPath, $"directories.tokendir = {Path.Combine(Directory, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
    }

    public static SoftHsm Instance => Shared.Value;

    public string Directory { get; }

    public string ConfigPath { get; }

    /// <summary>A fresh token with <paramref name="label"/>, user PIN 1234, SO PIN 123456.</summary>
    public void InitToken(string label, CancellationToken cancellationToken = default)
    {
        int exitCode;
        string output;
        lock (_initLock)
            (exitCode, output) = Run("softhsm2-util", ["--init-token", "--free", "--label", label, "--pin", Pin, "--so-pin", SoPin], cancellationToken: cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"softhsm2-util failed: {output}");
    }

    /// <summary>Runs a tool with SOFTHSM2_CONF and PKCS11_MODULE set; kills it after 60 s, or when <paramref name="cancellationToken"/> fires (the test timed out).</summary>
    public (int ExitCode, string Output) Run(string file, string[] args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory ?? Directory };
        psi.Environment["SOFTHSM2_CONF"] = ConfigPath;
        psi.Environment["PKCS11_MODULE"] = ModulePath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[name] = value;
        // Synchronous on purpose: this also runs inside a module initializer, where waiting on
        // thread-pool continuations can deadlock.
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (cancellationToken.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                Kill(process);
                return (-1, $"{file} timed out after 60 s");
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended in between.
        }
    }
}
