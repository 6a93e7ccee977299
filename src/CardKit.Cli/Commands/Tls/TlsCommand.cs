using System.CommandLine;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CardKit.Cli.Commands.P11;
using CardKit.Hosting;
using CardKit.Pkcs11;

namespace CardKit.Cli.Commands.Tls;

/// <summary>
/// `cardkit tls connect|listen`: a socat-style relay between stdin/stdout and a mutually
/// authenticated TLS connection whose private key never leaves the PKCS#11 token. The peer is
/// verified against --ca by default; a rejected certificate is reported with the reason.
/// </summary>
internal static class TlsCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("tls", "Mutual TLS with the private key in a PKCS#11 token, relayed to stdin/stdout.");
        command.Subcommands.Add(Connect(output));
        command.Subcommands.Add(Listen(output));
        return command;
    }

    private sealed class TlsOptions
    {
        public P11Options P11 { get; } = new();
        public Option<string> Cert { get; } = new("--cert") { Description = "This side's certificate (PEM); its key is in the token.", Required = true };
        public Option<string> Key { get; } = new("--key") { Description = "pkcs11: URI of the private key (PIN as pin-value=/pin-source=, --pin or --pin-env).", Required = true };
        public Option<string> Ca { get; } = new("--ca") { Description = "CA certificate(s) (PEM) the peer's certificate must chain to.", Required = true };

        public void AddTo(Command command)
        {
            P11.AddTo(command);
            command.Options.Add(Cert);
            command.Options.Add(Key);
            command.Options.Add(Ca);
        }

        /// <summary>
        /// Sets up OpenSSL's pkcs11 engine for the module (once for the process: it sets
        /// OPENSSL_CONF, see <see cref="OpenSslPkcs11Engine"/>), then loads this side's certificate
        /// with its token key and the CAs. The caller disposes the engine when the connection ends.
        /// </summary>
        public (OpenSslPkcs11Engine Engine, X509Certificate2 Own, X509Certificate2Collection Trust) Load(ParseResult parse)
        {
            var uri = P11Options.ParseUri(parse.GetValue(Key)!);
            var pin = P11.ResolvePin(parse, uri, required: true) ?? throw new PinRequiredException(uri);
            var engine = OpenSslPkcs11Engine.Configure(P11.ModulePath(parse));
            try
            {
                var trust = LoadTrust(parse);
                return (engine, engine.LoadCertificate(parse.GetValue(Cert)!, uri, pin), trust);
            }
            catch
            {
                engine.Dispose();
                throw;
            }
        }

        private X509Certificate2Collection LoadTrust(ParseResult parse)
        {
            var trust = new X509Certificate2Collection();
            try
            {
                trust.ImportFromPemFile(parse.GetValue(Ca)!);
            }
            catch (Exception e) when (e is FileNotFoundException or System.Security.Cryptography.CryptographicException)
            {
                throw CliException.Usage($"--ca '{parse.GetValue(Ca)}': {e.Message}");
            }
            return trust;
        }
    }

    private static Command Connect(CliOutput output)
    {
        var options = new TlsOptions();
        var endpoint = new Argument<string>("host:port") { Description = "Server to connect to." };
        var command = new Command("connect", "Connect to a TLS server with a client certificate whose key is in the token.") { endpoint };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (host, port) = HostPort(parse.GetValue(endpoint)!);
            var (engine, own, trust) = options.Load(parse);
            using var _ = engine;
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var verifier = new TlsPeerVerifier(trust, checkHostName: true);
            using var tls = new SslStream(client.GetStream(), false, verifier.Verify);
            try
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    ClientCertificates = [own],
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationException e)
            {
                throw CliException.CardOrData($"TLS handshake with {host}:{port} failed: {verifier.Rejection?.Message ?? e.Message}");
            }
            output.Error.WriteLine($"cardkit: connected to {host}:{port} with {tls.SslProtocol}, server '{tls.RemoteCertificate?.Subject}'");
            await Relay(tls, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Listen(CliOutput output)
    {
        var options = new TlsOptions();
        var port = new Argument<int>("port") { Description = "TCP port to listen on (127.0.0.1)." };
        var command = new Command("listen", "Accept one TLS client that presents a certificate chaining to --ca; relay it to stdin/stdout.") { port };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (engine, own, trust) = options.Load(parse);
            using var _ = engine;
            var listener = new TcpListener(IPAddress.Loopback, parse.GetValue(port));
            listener.Start();
            output.Error.WriteLine($"cardkit: listening on 127.0.0.1:{parse.GetValue(port)}");
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                    var verifier = new TlsPeerVerifier(trust, checkHostName: false);
                    using var tls = new SslStream(client.GetStream(), false, verifier.Verify);
                    try
                    {
                        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                        {
                            ServerCertificate = own,
                            ClientCertificateRequired = true,
                            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is AuthenticationException or IOException)
                    {
                        output.Error.WriteLine($"cardkit: rejected a client: {verifier.Rejection?.Message ?? e.Message}");
                        continue;
                    }
                    output.Error.WriteLine($"cardkit: client '{tls.RemoteCertificate?.Subject}' connected with {tls.SslProtocol}");
                    await Relay(tls, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
            }
            finally
            {
                listener.Stop();
            }
        });
        return command;
    }

    private static (string Host, int Port) HostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw CliException.Usage($"'{text}' is not host:port");
        return (text[..colon], port);
    }

    // stdin -> TLS and TLS -> stdout until either side ends.
    private static async Task Relay(SslStream tls, CancellationToken cancellationToken)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        var up = Task.Run(async () =>
        {
            await stdin.CopyToAsync(tls, cancellationToken).ConfigureAwait(false);
            await tls.ShutdownAsync().ConfigureAwait(false);
        }, cancellationToken);
        var down = tls.CopyToAsync(stdout, cancellationToken);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await down.ConfigureAwait(false);
    }
}
