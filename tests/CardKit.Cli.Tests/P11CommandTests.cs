using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>The exact `cardkit p11` lines of the issue, as real processes on a private SoftHSM2 token, checked by openssl and pkcs11-tool.</summary>
public class P11CommandTests
{
    private static readonly Lazy<string> Demo = new(() =>
    {
        SoftHsm.Instance.InitToken("demo");
        return SoftHsm.Instance.Directory;
    });

    private static (int ExitCode, string Output) Cardkit(CancellationToken token, params string[] args) =>
        SoftHsm.Instance.Run(EmulateProcessTests.Binary, args, Demo.Value, cancellationToken: token);

    [Fact(Timeout = 120_000)]
    public void Keygen_sign_export_and_openssl_verifies()
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Demo.Value;
        File.WriteAllText(Path.Combine(dir, "data"), "signed by a key that never left the token\n");
        var (exitCode, output) = Cardkit(token, "p11", "keygen", "--token", "pkcs11:token=demo?pin-value=1234", "--type", "rsa:2048", "--label", "mykey", "--id", "01");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "sign", "--key", "pkcs11:token=demo;id=%01;type=private?pin-value=1234", "--mechanism", "SHA256-RSA-PKCS", "--in", "data", "--out", "sig");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("1234", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "export-pubkey", "--key", "pkcs11:token=demo;id=%01;type=public", "--out", "pub.pem");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("openssl", ["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig", "data"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "export-pubkey", "--key", "pkcs11:token=demo;id=%01;type=public", "--out", "pub.der");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("openssl", ["dgst", "-sha256", "-keyform", "DER", "-verify", "pub.der", "-signature", "sig", "data"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);

        (exitCode, output) = Cardkit(token, "p11", "verify", "--key", "pkcs11:token=demo;id=%01;type=public", "-m", "SHA256-RSA-PKCS", "--in", "data", "--signature", "sig");
        Assert.True(exitCode == 0, output);
        File.WriteAllText(Path.Combine(dir, "data"), "tampered\n");
        (exitCode, output) = Cardkit(token, "p11", "verify", "--key", "pkcs11:token=demo;id=%01;type=public", "-m", "SHA256-RSA-PKCS", "--in", "data", "--signature", "sig");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("does NOT verify", output, StringComparison.Ordinal);

        (_, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "demo", "--login", "--pin", "1234", "--list-objects"], cancellationToken: token);
        Assert.Contains("label:      mykey", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "objects", "pkcs11:token=demo?pin-value=1234", "--json");
        Assert.True(exitCode == 0, output);
        Assert.Contains("\"label\": \"mykey\"", output, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"private\"", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public void A_signature_made_by_pkcs11_tool_verifies_in_cardkit()
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Demo.Value;
        File.WriteAllText(Path.Combine(dir, "msg"), "made by pkcs11-tool\n");
        // SoftHSM2 has CKM_ECDSA but no CKM_ECDSA_SHA256: pkcs11-tool signs the SHA-256 hash, as CardKit does.
        File.WriteAllBytes(Path.Combine(dir, "msg.sha256"), System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "msg"))));
        var (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "demo", "--login", "--pin", "1234",
            "--keypairgen", "--key-type", "EC:prime256v1", "--id", "0E", "--label", "tool-ec"], cancellationToken: token);
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "demo", "--login", "--pin", "1234",
            "--sign", "--id", "0E", "-m", "ECDSA", "--signature-format", "openssl", "--input-file", "msg.sha256", "--output-file", "tool.sig"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "verify", "--key", "pkcs11:token=demo;id=%0E;type=public", "-m", "ECDSA-SHA256", "--in", "msg", "--signature", "tool.sig");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public void Init_token_set_and_change_the_PIN_and_import_a_certificate()
    {
        var token = TestContext.Current.CancellationToken;
        // A SoftHSM2 directory of its own: SoftHSM2 renumbers its free slot whenever a token is
        // initialised, which the test classes running in parallel do.
        var dir = Path.Combine(Demo.Value, "admin");
        Directory.CreateDirectory(Path.Combine(dir, "tokens"));
        File.WriteAllText(Path.Combine(dir, "softhsm2.conf"), $"directories.tokendir = {Path.Combine(dir, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\n");
        var env = new Dictionary<string, string> { ["SOFTHSM2_CONF"] = Path.Combine(dir, "softhsm2.conf"), ["SO"] = "123456", ["UP"] = "4321", ["NP"] = "5555" };
        (int ExitCode, string Output) Run(string file, params string[] args) => SoftHsm.Instance.Run(file, args, dir, env, cancellationToken: token);

        var slots = Run(EmulateProcessTests.Binary, "p11", "slots").Output;
        var free = slots.Split('\n').First(l => l.Contains("not initialised", StringComparison.Ordinal)).Split(':')[0];
        var (exitCode, output) = Run(EmulateProcessTests.Binary, "p11", "init-token", "--slot", free, "--label", "admin", "--so-pin-env", "SO", "--user-pin-env", "UP");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Run(EmulateProcessTests.Binary, "p11", "change-pin", "--token", "pkcs11:token=admin?pin-value=4321", "--new-pin-env", "NP");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Run(EmulateProcessTests.Binary, "p11", "random", "--token", "pkcs11:token=admin?pin-value=5555", "16");
        Assert.True(exitCode == 0, output);
        Assert.Matches("^[0-9A-F]{32}", output);
        Assert.Equal(ExitCodes.CardOrDataError, Run(EmulateProcessTests.Binary, "p11", "random", "--token", "pkcs11:token=admin?pin-value=4321", "16").ExitCode);

        (exitCode, output) = Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "import.key", "-out", "import.pem", "-subj", "/CN=imported", "-days", "1");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Run(EmulateProcessTests.Binary, "p11", "import", "--token", "pkcs11:token=admin?pin-value=5555", "--cert", "import.pem", "--label", "imported", "--id", "C1");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Run("pkcs11-tool", "--module", SoftHsm.ModulePath, "--token-label", "admin", "--list-objects", "--type", "cert");
        Assert.Contains("label:      imported", output, StringComparison.Ordinal);
        Assert.Contains("subject:    DN: CN=imported", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public void Delete_destroys_one_object_or_with_all_every_match_and_refuses_a_bare_token_URI()
    {
        var token = TestContext.Current.CancellationToken;
        var (exitCode, output) = Cardkit(token, "p11", "keygen", "--token", "pkcs11:token=demo?pin-value=1234", "--type", "ec:p256", "--label", "to-delete", "--id", "0D");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "delete", "--object", "pkcs11:token=demo?pin-value=1234");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("a token URI alone would match everything", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "delete", "--object", "pkcs11:token=demo;id=%0D?pin-value=1234");
        Assert.Equal(ExitCodes.CardOrDataError, exitCode);
        Assert.Contains("2 objects match", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "delete", "--object", "pkcs11:token=demo;id=%0D;type=public?pin-value=1234");
        Assert.True(exitCode == 0, output);
        Assert.Contains("deleted public EC id=0D label='to-delete'", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "delete", "--all", "--object", "pkcs11:token=demo;object=to-delete?pin-value=1234");
        Assert.True(exitCode == 0, output);
        Assert.Contains("deleted private EC id=0D label='to-delete'", output, StringComparison.Ordinal);
        (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "demo", "--login", "--pin", "1234", "--list-objects"], cancellationToken: token);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("to-delete", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public void Mechanisms_match_pkcs11_tool_M_name_for_name_with_key_sizes_and_capabilities()
    {
        var token = TestContext.Current.CancellationToken;
        var (exitCode, output) = Cardkit(token, "p11", "mechanisms", "--token", "pkcs11:token=demo", "--json");
        Assert.True(exitCode == 0, output);
        var ours = System.Text.Json.JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(
            m => m.GetProperty("name").GetString()!,
            m => (Min: m.GetProperty("minKeySize").GetUInt64(), Max: m.GetProperty("maxKeySize").GetUInt64(),
                  Capabilities: string.Join(", ", m.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()))));
        (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "demo", "-M"], cancellationToken: token);
        Assert.True(exitCode == 0, output);
        var compared = 0;
        // pkcs11-tool -M: "  NAME, keySize={MIN,MAX}, capability, capability" (keySize only when not 0,0).
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)))
        {
            var parts = line.Trim().Split(", ");
            if (!ours.TryGetValue(parts[0], out var mine))
                continue;
            var sizes = parts.Length > 1 && parts[1].StartsWith("keySize={", StringComparison.Ordinal) ? parts[1] : null;
            Assert.Equal(sizes ?? $"keySize={{{mine.Min},{mine.Max}}}", $"keySize={{{mine.Min},{mine.Max}}}");
            Assert.True(string.Join(", ", parts.Skip(sizes is null ? 1 : 2)) == mine.Capabilities, $"{parts[0]}: pkcs11-tool says '{line.Trim()}', CardKit '{mine.Capabilities}'");
            compared++;
        }
        Assert.True(compared >= 40, $"only {compared} mechanisms compared");
    }

    [Fact(Timeout = 120_000)]
    public void A_mechanism_the_token_lacks_is_refused_with_the_ones_it_has_and_no_file_is_written()
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Demo.Value;
        File.WriteAllText(Path.Combine(dir, "sha3-data"), "SoftHSM 2.6 has no SHA3 signatures\n");
        var (exitCode, output) = Cardkit(token, "p11", "keygen", "--token", "pkcs11:token=demo?pin-value=1234", "--type", "rsa:2048", "--label", "sha3", "--id", "5A");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "sign", "--key", "pkcs11:token=demo;id=%5A;type=private?pin-value=1234", "-m", "SHA3-256-RSA-PKCS", "--in", "sha3-data", "--out", "sha3.sig");
        Assert.True(exitCode == ExitCodes.CardOrDataError, output);
        Assert.Contains("CKR_MECHANISM_INVALID: this token does not offer SHA3-256-RSA-PKCS for signing; it offers ", output, StringComparison.Ordinal);
        Assert.Contains("SHA256-RSA-PKCS-PSS", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "sha3.sig")));
    }

    [Fact(Timeout = 60_000)]
    public void Events_watches_for_the_time_given_and_ends_cleanly_when_no_token_comes_or_goes()
    {
        var token = TestContext.Current.CancellationToken;
        var (exitCode, output) = Cardkit(token, "p11", "events", "--seconds", "1");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("slot", output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(ExitCodes.CardOrDataError, "CKR_PIN_INCORRECT", "p11", "sign", "--key", "pkcs11:token=demo;id=%01;type=private?pin-value=9999", "-m", "SHA256-RSA-PKCS", "--in", "softhsm2.conf", "--out", "x")]
    [InlineData(ExitCodes.Usage, "malformed PKCS#11 URI", "p11", "export-pubkey", "--key", "pkcs11:token=demo;id=%0")]
    [InlineData(ExitCodes.CardOrDataError, "no object matches", "p11", "export-pubkey", "--key", "pkcs11:token=demo;id=%7F%7F;type=public")]
    [InlineData(ExitCodes.CardOrDataError, "no token matches", "p11", "random", "--token", "pkcs11:token=nope", "8")]
    [InlineData(ExitCodes.CardOrDataError, "'token' is 33 bytes but CK_TOKEN_INFO label holds 32", "p11", "random", "--token", "pkcs11:token=123456789012345678901234567890123", "8")]
    [InlineData(ExitCodes.Usage, "library-version '1.x' is not MAJOR[.MINOR]", "p11", "random", "--token", "pkcs11:library-version=1.x", "8")]
    [InlineData(ExitCodes.Environment, "has no C_GetFunctionList", "p11", "info", "--module", "/usr/lib/x86_64-linux-gnu/libz.so.1")]
    [InlineData(ExitCodes.Environment, "does not exist", "p11", "info", "--module", "/nope.so")]
    [InlineData(ExitCodes.Usage, "unknown signature mechanism", "p11", "sign", "--key", "pkcs11:token=demo;id=%01;type=private?pin-value=1234", "-m", "MD5-RSA", "--in", "softhsm2.conf", "--out", "x")]
    [InlineData(ExitCodes.Usage, "the environment variable CARDKIT_NO_SUCH_PIN is not set", "p11", "sign", "--key", "pkcs11:token=demo;id=%01;type=private", "--pin-env", "CARDKIT_NO_SUCH_PIN", "-m", "SHA256-RSA-PKCS", "--in", "softhsm2.conf", "--out", "x")]
    [InlineData(ExitCodes.Usage, "the pin-source '/no/such/pin' cannot be read", "p11", "objects", "pkcs11:token=demo?pin-source=/no/such/pin")]
    [InlineData(ExitCodes.Usage, "a token URI alone would match everything", "p11", "delete", "--all", "--object", "pkcs11:token=demo?pin-value=1234")]
    public void Bad_input_gives_a_clear_error_and_exit_code(int expectedExit, string message, params string[] args)
    {
        var token = TestContext.Current.CancellationToken;
        File.Delete(Path.Combine(Demo.Value, "x"));
        var (exitCode, output) = Cardkit(token, args);
        Assert.True(exitCode == expectedExit, output);
        Assert.False(File.Exists(Path.Combine(Demo.Value, "x")), "a failed command left its output file");
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", output, StringComparison.Ordinal);
    }
}

/// <summary>Moving keys and certificates in and out, and pkcs11-tool RSA signatures checked by CardKit.</summary>
public class P11ImportExportTests
{
    private static readonly Lazy<string> Token = new(() =>
    {
        SoftHsm.Instance.InitToken("moves");
        return SoftHsm.Instance.Directory;
    });

    private static (int ExitCode, string Output) Cardkit(CancellationToken token, params string[] args) =>
        SoftHsm.Instance.Run(EmulateProcessTests.Binary, args, Token.Value, cancellationToken: token);

    [Theory(Timeout = 120_000)]
    [InlineData("rsa:2048", "SHA256-RSA-PKCS", "SHA256-RSA-PKCS", "D1")]
    [InlineData("rsa:2048", "SHA256-RSA-PKCS-PSS", "SHA256-RSA-PKCS-PSS", "D2")]
    public void Signatures_made_by_pkcs11_tool_verify_in_cardkit(string keyType, string toolMechanism, string mechanism, string id)
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Token.Value;
        File.WriteAllText(Path.Combine(dir, "tool-data"), "signed by pkcs11-tool\n");
        var (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "moves", "--login", "--pin", "1234",
            "--keypairgen", "--key-type", keyType, "--id", id, "--label", "tool-" + id], cancellationToken: token);
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", "moves", "--login", "--pin", "1234",
            "--sign", "--id", id, "-m", toolMechanism, "--input-file", "tool-data", "--output-file", "tool-" + id + ".sig"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "verify", "--key", $"pkcs11:token=moves;id=%{id};type=public", "-m", mechanism, "--in", "tool-data", "--signature", "tool-" + id + ".sig");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("rsa:2048", "SHA256-RSA-PKCS", "E1")]
    [InlineData("ec:prime256v1", "ECDSA-SHA256", "E2")]
    public void A_key_moved_into_the_token_signs_what_openssl_verifies_and_certificates_come_back_out(string opensslKey, string mechanism, string id)
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Token.Value;
        var keyArgs = opensslKey.StartsWith("rsa", StringComparison.Ordinal)
            ? new[] { "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", $"soft-{id}.key" }
            : ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", $"soft-{id}.key"];
        Assert.Equal(0, SoftHsm.Instance.Run("openssl", keyArgs, dir, cancellationToken: token).ExitCode);
        Assert.Equal(0, SoftHsm.Instance.Run("openssl", ["pkey", "-in", $"soft-{id}.key", "-pubout", "-out", $"soft-{id}.pub"], dir, cancellationToken: token).ExitCode);
        var (exitCode, output) = Cardkit(token, "p11", "import", "--token", "pkcs11:token=moves?pin-value=1234", "--key", $"soft-{id}.key", "--label", "moved", "--id", id);
        Assert.True(exitCode == 0, output);
        File.WriteAllText(Path.Combine(dir, "moved-data"), "signed in the token\n");
        (exitCode, output) = Cardkit(token, "p11", "sign", "--key", $"pkcs11:token=moves;id=%{id};type=private?pin-value=1234", "-m", mechanism, "--in", "moved-data", "--out", $"moved-{id}.sig");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("openssl", ["dgst", "-sha256", "-verify", $"soft-{id}.pub", "-signature", $"moved-{id}.sig", "moved-data"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);

        Assert.Equal(0, SoftHsm.Instance.Run("openssl", ["req", "-x509", "-key", $"soft-{id}.key", "-out", $"cert-{id}.pem", "-subj", "/CN=moved " + id, "-days", "1"], dir, cancellationToken: token).ExitCode);
        Assert.Equal(0, Cardkit(token, "p11", "import", "--token", "pkcs11:token=moves?pin-value=1234", "--cert", $"cert-{id}.pem", "--label", "moved", "--id", id).ExitCode);
        (exitCode, output) = Cardkit(token, "p11", "export-cert", "--cert", $"pkcs11:token=moves;id=%{id};type=cert", "--out", $"back-{id}.pem");
        Assert.True(exitCode == 0, output);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"cert-{id}.pem")).Trim(), File.ReadAllText(Path.Combine(dir, $"back-{id}.pem")).Trim());
    }
}
