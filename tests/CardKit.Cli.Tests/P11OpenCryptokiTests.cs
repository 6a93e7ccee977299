using CardKit.Testing;

namespace CardKit.Cli.Tests;

/// <summary>
/// `cardkit p11` on a second real module, openCryptoki's soft token (scripts/opencryptoki.sh runs
/// pkcsslotd): it locks the user PIN after three wrong tries and has no SHA256-RSA-PKCS, two
/// failures SoftHSM2 cannot show. The token is initialised by `cardkit p11 init-token`.
/// </summary>
public class P11OpenCryptokiTests
{
    private const string Module = "/usr/lib/x86_64-linux-gnu/pkcs11/libopencryptoki.so";
    private const string Token = "cardkit-ock";

    // openCryptoki's default SO PIN; PIN lengths on its soft token are 4 to 8.
    private static readonly Dictionary<string, string> Pins = new() { ["OCK_SO_PIN"] = "87654321", ["OCK_PIN"] = "1234", ["OCK_NEW_PIN"] = "4321" };

    private static readonly Lazy<string> Initialised = new(() =>
    {
        var dir = Path.Combine(SoftHsm.Instance.Directory, "ock");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "data"), "signed inside openCryptoki\n");
        var (exitCode, output) = Run(dir, TestContext.Current.CancellationToken, "p11", "init-token", "--module", Module, "--slot", "3", "--label", Token, "--so-pin-env", "OCK_SO_PIN", "--user-pin-env", "OCK_PIN");
        if (exitCode != 0)
            throw new InvalidOperationException($"init-token on openCryptoki failed (is pkcsslotd running? scripts/opencryptoki.sh start): {output}");
        (exitCode, output) = Run(dir, TestContext.Current.CancellationToken, "p11", "keygen", "--module", Module, "--token", $"pkcs11:token={Token}?pin-value=1234", "--type", "rsa:2048", "--label", "ock", "--id", "0C");
        if (exitCode != 0)
            throw new InvalidOperationException($"keygen on openCryptoki failed: {output}");
        return dir;
    });

    private static (int ExitCode, string Output) Run(string dir, CancellationToken token, params string[] args) =>
        SoftHsm.Instance.Run(EmulateProcessTests.Binary, args, dir, Pins, cancellationToken: token);

    private static (int ExitCode, string Output) Cardkit(CancellationToken token, params string[] args) => Run(Initialised.Value, token, args);

    private static string Key(string type, string pin) => $"pkcs11:token={Token};id=%0C;type={type}?pin-value={pin}";

    [Fact(Timeout = 120_000)]
    public void A_PSS_signature_verifies_in_openssl_and_the_missing_SHA256_RSA_PKCS_is_named()
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Initialised.Value;
        var (exitCode, output) = Cardkit(token, "p11", "sign", "--module", Module, "--key", Key("private", "1234"), "-m", "SHA256-RSA-PKCS-PSS", "--in", "data", "--out", "pss.sig");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = Cardkit(token, "p11", "export-pubkey", "--module", Module, "--key", $"pkcs11:token={Token};id=%0C;type=public", "--out", "pub.pem");
        Assert.True(exitCode == 0, output);
        (exitCode, output) = SoftHsm.Instance.Run("openssl", ["dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-verify", "pub.pem", "-signature", "pss.sig", "data"], dir, cancellationToken: token);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);

        (exitCode, output) = Cardkit(token, "p11", "sign", "--module", Module, "--key", Key("private", "1234"), "-m", "SHA256-RSA-PKCS", "--in", "data", "--out", "pkcs1.sig");
        Assert.True(exitCode == ExitCodes.CardOrDataError, output);
        Assert.Contains("CKR_MECHANISM_INVALID: this token does not offer SHA256-RSA-PKCS for signing; it offers RSA-PKCS, RSA-PKCS-PSS", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "pkcs1.sig")));
    }

    [Fact(Timeout = 120_000)]
    public void Wrong_PINs_count_down_to_a_lock_that_the_security_officer_lifts()
    {
        var token = TestContext.Current.CancellationToken;
        var dir = Initialised.Value;
        string[] expected = ["wrong PIN (few tries left)", "wrong PIN (one try left before the PIN locks)", "wrong PIN (the PIN is now locked)"];
        foreach (var message in expected)
        {
            var (wrongExit, wrongOutput) = Cardkit(token, "p11", "sign", "--module", Module, "--key", Key("private", "9999"), "-m", "SHA256-RSA-PKCS-PSS", "--in", "data", "--out", "locked.sig");
            Assert.True(wrongExit == ExitCodes.CardOrDataError, wrongOutput);
            Assert.Contains("CKR_PIN_INCORRECT: " + message, wrongOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("9999", wrongOutput, StringComparison.Ordinal);
        }
        var (exitCode, output) = Cardkit(token, "p11", "sign", "--module", Module, "--key", Key("private", "1234"), "-m", "SHA256-RSA-PKCS-PSS", "--in", "data", "--out", "locked.sig");
        Assert.True(exitCode == ExitCodes.CardOrDataError, output);
        Assert.Contains("CKR_PIN_LOCKED: the PIN is locked after too many wrong tries; the security officer can set a new one (C_InitPIN); `cardkit p11 init-pin", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "locked.sig")));
        (_, output) = Cardkit(token, "p11", "slots", "--module", Module);
        Assert.Contains($"token '{Token}' initialised, user PIN locked", output, StringComparison.Ordinal);

        (exitCode, output) = Cardkit(token, "p11", "init-pin", "--module", Module, "--token", $"pkcs11:token={Token}", "--so-pin-env", "OCK_SO_PIN", "--new-pin-env", "OCK_NEW_PIN");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("87654321", output, StringComparison.Ordinal);
        (exitCode, output) = Cardkit(token, "p11", "sign", "--module", Module, "--key", Key("private", "4321"), "-m", "SHA256-RSA-PKCS-PSS", "--in", "data", "--out", "unlocked.sig");
        Assert.True(exitCode == 0, output);
        (_, output) = Cardkit(token, "p11", "slots", "--module", Module);
        Assert.DoesNotContain("locked", output, StringComparison.Ordinal);

        // Back to the first PIN for the other test, through change-pin.
        (exitCode, output) = Cardkit(token, "p11", "change-pin", "--module", Module, "--token", $"pkcs11:token={Token}?pin-value=4321", "--new-pin-env", "OCK_PIN");
        Assert.True(exitCode == 0, output);
    }
}
