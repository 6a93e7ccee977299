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

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static WatchedProcess Start(string file, string[] args, string stdin)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = Dir };
        psi.Environment["SOFTHSM2_CONF"] = SoftHsm.Instance.ConfigPath;
        psi.Environment["PKCS11_MODULE"] = SoftHsm.ModulePath;
        var process = WatchedProcess.Start(psi);
        process.Write(stdin);
        return process;
    }

    // openssl s_server prints ACCEPT on stdout once it listens (not with -quiet).
    private static async Task<WatchedProcess> StartServer(int port, string certificate, string[] more, string stdin, CancellationToken cancellationToken)
    {
        var server = Start("openssl", ["s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-cert", certificate, "-key", "server.key", .. more], stdin);
        await server.WaitForOutputAsync("ACCEPT", Patience, cancellationToken);
        return server;
    }

    private static string[] KeyArgs(string cert = "client.pem", string ca = "ca.pem") =>
        ["--cert", cert, "--key", "pkcs11:token=tls;id=%7A;type=private?pin-value=1234", "--ca", ca];

    [Fact(Timeout = 120_000)]
    public async Task Connect_completes_a_mutual_TLS_13_handshake_with_openssl_s_server_and_relays_both_ways()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var server = await StartServer(port, "server.pem", ["-CAfile", "ca.pem", "-Verify", "1", "-verify_return_error", "-tls1_3"], "from the server\n", token);
        using var client = Start(EmulateProcessTests.Binary, ["tls", "connect", $"127.0.0.1:{port}", .. KeyArgs()], "from cardkit\n");
        // Both directions have arrived: then end cardkit's input, which ends the relay.
        await client.WaitForOutputAsync("from the server", Patience, token);
        await server.WaitForOutputAsync("from cardkit", Patience, token);
        client.CloseInput();
        var exitCode = await client.WaitForExitAsync(Patience, token);
        Assert.True(exitCode == 0, client.Stderr);
        Assert.Contains("with Tls13", client.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Listen_accepts_a_client_certificate_and_rejects_a_client_without_one()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var listener = Start(EmulateProcessTests.Binary, ["tls", "listen", port, .. KeyArgs()], "from the listener\n");
        await listener.WaitForOutputAsync($"listening on 127.0.0.1:{port}", Patience, token, onStderr: true);
        using (var anonymous = Start("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", "ca.pem", "-quiet", "-no_ign_eof"], "anonymous\n"))
        {
            await listener.WaitForOutputAsync("rejected a client", Patience, token, onStderr: true);
            anonymous.CloseInput();
            await anonymous.WaitForExitAsync(Patience, token);
        }
        using (var client = Start("openssl", ["s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", "ca.pem", "-cert", "server.pem", "-key", "server.key", "-quiet", "-no_ign_eof"], "from s_client\n"))
        {
            await client.WaitForOutputAsync("from the listener", Patience, token);
            await listener.WaitForOutputAsync("from s_client", Patience, token);
            client.CloseInput();
            await client.WaitForExitAsync(Patience, token);
        }
        var exitCode = await listener.WaitForExitAsync(Patience, token);
        Assert.True(exitCode == 0, listener.Stderr);
        Assert.Contains("rejected a client: the peer presented no certificate", listener.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("anonymous", listener.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_untrusted_server_is_refused_with_the_reason()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var server = await StartServer(port, "rogue-server.pem", [], "", token);
        using var client = Start(EmulateProcessTests.Binary, ["tls", "connect", $"127.0.0.1:{port}", .. KeyArgs()], "");
        var exitCode = await client.WaitForExitAsync(Patience, token);
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("is not trusted", client.Stderr, StringComparison.Ordinal);
        Assert.Contains("CN=127.0.0.1", client.Stderr, StringComparison.Ordinal);
    }
}
