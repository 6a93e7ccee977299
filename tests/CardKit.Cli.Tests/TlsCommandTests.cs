using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>`cardkit tls` against real openssl s_server / s_client, the client key in a SoftHSM2 token.</summary>
public class TlsCommandTests
{
    private static readonly Lazy<string> Pki = new(Setup);

    private static string Dir => Pki.Value;

    // A CA, a server certificate for 127.0.0.1, a token key "tls" (id 7A) and a certificate for it
    // (signed by the CA with -force_pubkey: the private key never leaves the token), and a rogue CA.
    private static string Setup()
    {
        var hsm = SoftHsm.Instance;
        hsm.InitToken("tls");
        var dir = Path.Combine(hsm.Directory, "pki");
        Directory.CreateDirectory(dir);
        void Run(string file, params string[] args)
        {
            var (exitCode, output) = hsm.Run(file, args, dir);
            if (exitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {output}");
        }
        Run(EmulateProcessTests.Binary, "p11", "keygen", "--token", "pkcs11:token=tls?pin-value=1234", "--type", "rsa:2048", "--label", "tls", "--id", "7A");
        Run(EmulateProcessTests.Binary, "p11", "export-pubkey", "--key", "pkcs11:token=tls;id=%7A;type=public", "--out", "token.pub.pem");
        File.WriteAllText(Path.Combine(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=CardKit test CA", "-days", "2");
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rogue.key", "-out", "rogue.pem", "-subj", "/CN=Rogue CA", "-days", "2");
        Run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        Run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "rogue.pem", "-CAkey", "rogue.key", "-CAcreateserial", "-out", "rogue-server.pem", "-days", "2", "-extfile", "san.ext");
        Run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "throwaway.key", "-out", "client.csr", "-subj", "/CN=token client");
        Run("openssl", "x509", "-req", "-in", "client.csr", "-force_pubkey", "token.pub.pem", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.pem", "-days", "2");
        return dir;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, string[] args, string stdin)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        };
        psi.Environment["SOFTHSM2_CONF"] = SoftHsm.Instance.ConfigPath;
        psi.Environment["PKCS11_MODULE"] = SoftHsm.ModulePath;
        var process = Process.Start(psi)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Flush();
        return process;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Finish(Process process, TimeSpan closeInputAfter, CancellationToken cancellationToken)
    {
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.Delay(closeInputAfter, cancellationToken);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string[] KeyArgs(string cert = "client.pem", string ca = "ca.pem") =>
        ["--cert", cert, "--key", "pkcs11:token=tls;id=%7A;type=private?pin-value=1234", "--ca", ca];

    [Fact(Timeout = 120_000)]
    public async Task Connect_completes_a_mutual_TLS_13_handshake_with_openssl_s_server_and_relays_both_ways()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var server = Start("openssl", ["s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-cert", "server.pem", "-key", "server.key",
            "-CAfile", "ca.pem", "-Verify", "1", "-verify_return_error", "-tls1_3", "-quiet"], "from the server\n");
        await Task.Delay(800, token);
        using var client = Start(EmulateProcessTests.Binary, ["tls", "connect", $"127.0.0.1:{port}", .. KeyArgs()], "from cardkit\n");
        var (exitCode, stdout, stderr) = await Finish(client, TimeSpan.FromSeconds(3), token);
        server.Kill(entireProcessTree: true);
        var serverOut = await server.StandardOutput.ReadToEndAsync(token);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("with Tls13", stderr, StringComparison.Ordinal);
        Assert.Contains("from the server", stdout, StringComparison.Ordinal);
        Assert.Contains("from cardkit", serverOut, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Listen_accepts_a_client_certificate_and_rejects_a_client_without_one()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var listener = Start(EmulateProcessTests.Binary, ["tls", "listen", port, .. KeyArgs()], "from the listener\n");
        await Task.Delay(1500, token);
        using (var anonymous = Start("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", "ca.pem", "-quiet", "-no_ign_eof"], "anonymous\n"))
            await Finish(anonymous, TimeSpan.FromSeconds(1), token);
        using (var client = Start("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", "ca.pem", "-cert", "server.pem", "-key", "server.key", "-quiet", "-no_ign_eof"], "from s_client\n"))
        {
            var (_, clientOut, _) = await Finish(client, TimeSpan.FromSeconds(3), token);
            Assert.Contains("from the listener", clientOut, StringComparison.Ordinal);
        }
        var (exitCode, stdout, stderr) = await Finish(listener, TimeSpan.Zero, token);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("rejected a client: the peer presented no certificate", stderr, StringComparison.Ordinal);
        Assert.Contains("from s_client", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("anonymous", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_untrusted_server_is_refused_with_the_reason()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var server = Start("openssl", ["s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-cert", "rogue-server.pem", "-key", "server.key", "-quiet"], "");
        await Task.Delay(800, token);
        using var client = Start(EmulateProcessTests.Binary, ["tls", "connect", $"127.0.0.1:{port}", .. KeyArgs()], "");
        var (exitCode, _, stderr) = await Finish(client, TimeSpan.FromSeconds(1), token);
        server.Kill(entireProcessTree: true);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("is not trusted", stderr, StringComparison.Ordinal);
        Assert.Contains("CN=127.0.0.1", stderr, StringComparison.Ordinal);
    }
}
