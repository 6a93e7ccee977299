using System.Security.Cryptography;
using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

[CollectionDefinition("SoftHSM", DisableParallelization = true)]
public sealed class SoftHsmGroup;

/// <summary>CardKit.Pkcs11 against a real SoftHSM2 token, cross-checked with openssl and pkcs11-tool.</summary>
[Collection("SoftHSM")]
public class SoftHsmTests
{
    private static Pkcs11Session Open(Pkcs11Module module, string label = TokenSetup.Label)
    {
        var slot = module.FindToken(label) ?? throw new InvalidOperationException($"token {label} missing");
        var session = slot.OpenSession(readWrite: true);
        session.Login(SoftHsm.Pin);
        return session;
    }

    private static byte[] NewId() => RandomNumberGenerator.GetBytes(4);

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Module_info_slots_tokens_and_mechanisms(string abi)
    {
        using var module = TestModules.Load(abi);
        Assert.Equal("SoftHSM", module.GetInfo().Manufacturer);
        var slot = module.FindToken(TokenSetup.Label)!;
        var token = slot.GetTokenInfo();
        Assert.True(token.Initialized);
        Assert.True(token.LoginRequired);
        Assert.Equal("SoftHSM v2", token.Model);
        Assert.Contains(slot.GetMechanisms(), m => m.Name == "SHA256-RSA-PKCS-PSS");
        Assert.Contains(slot.GetMechanisms(), m => m.Name == "ECDSA");
        using (var session = slot.OpenSession())
            Assert.Equal(32, session.GenerateRandom(32).Length);
    }

    [Fact(Timeout = 60_000)]
    public void Loads_are_reference_counted()
    {
        var first = Pkcs11Module.Load(SoftHsm.ModulePath);
        var second = Pkcs11Module.Load(SoftHsm.ModulePath);
        Assert.Same(first, second);
        first.Dispose();
        Assert.NotEmpty(second.GetSlots());
        second.Dispose();
        using var again = Pkcs11Module.Load(SoftHsm.ModulePath);
        Assert.NotEmpty(again.GetSlots());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/no/such/module.so", "does not exist")]
    [InlineData("/usr/lib/x86_64-linux-gnu/libz.so.1", "has no C_GetFunctionList")]
    [InlineData("/etc/hostname", "cannot be loaded as a shared library")]
    public void Bad_modules_are_reported_clearly(string path, string message)
    {
        var e = Assert.Throws<Pkcs11ModuleException>(() => Pkcs11Module.Load(path));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void A_wrong_PIN_is_CKR_PIN_INCORRECT_with_a_readable_message(string abi)
    {
        using var module = TestModules.Load(abi);
        // Login state is shared by all of an application's sessions with a token (C_Login, base
        // specification §5.6): a token of its own, so that no other test's logged-in session turns
        // the wrong PIN into CKR_USER_ALREADY_LOGGED_IN.
        using var session = module.FindToken(TokenSetup.WrongPin)!.OpenSession();
        var e = Assert.Throws<WrongPinException>(() => session.Login("0000"));
        Assert.Equal(ReturnValue.PinIncorrect, e.Code);
        Assert.Equal("C_Login", e.Function);
        Assert.Equal(UserType.User, e.User);
        Assert.Contains("C_Login failed: CKR_PIN_INCORRECT: wrong PIN (", e.Message, StringComparison.Ordinal);
        session.Login(SoftHsm.Pin);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("Unix", "rsa:2048", "SHA256-RSA-PKCS", new[] { "-sha256" })]
    [InlineData("Unix", "rsa:2048", "SHA256-RSA-PKCS-PSS", new[] { "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32" })]
    [InlineData("Unix", "ec:p256", "ECDSA-SHA256", new[] { "-sha256" })]
    [InlineData("Unix", "ec:p384", "ECDSA-SHA384", new[] { "-sha384" })]
    [InlineData("Windows", "rsa:2048", "SHA256-RSA-PKCS", new[] { "-sha256" })]
    [InlineData("Windows", "rsa:2048", "SHA512-RSA-PKCS-PSS", new[] { "-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:64" })]
    [InlineData("Windows", "ec:p256", "ECDSA-SHA256", new[] { "-sha256" })]
    [InlineData("Windows", "ec:p384", "ECDSA-SHA384", new[] { "-sha384" })]
    public void Signatures_verify_on_the_token_in_dotnet_and_in_openssl(string abi, string keyType, string mechanism, string[] opensslDigest)
    {
        using var module = TestModules.Load(abi);
        using var session = Open(module);
        var id = NewId();
        var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse(keyType), "sig-" + mechanism, id);
        var data = RandomNumberGenerator.GetBytes(1000);
        var scheme = SignatureScheme.Parse(mechanism);
        var signature = session.Sign(scheme, privateKey, data);
        Assert.True(session.Verify(scheme, publicKey, data, signature));
        data[0] ^= 1;
        Assert.False(session.Verify(scheme, publicKey, data, signature));
        data[0] ^= 1;

        // The exported public key verifies in .NET and in a real openssl process.
        using var key = PublicKeys.Read(session, publicKey);
        using var temp = TempPath.Directory();
        var dir = temp.Path;
        File.WriteAllBytes(Path.Combine(dir, "data"), data);
        File.WriteAllText(Path.Combine(dir, "pub.pem"), PublicKeys.ToPem(key));
        File.WriteAllBytes(Path.Combine(dir, "sig"), scheme.IsEcdsa ? SignatureScheme.ToDer(signature) : signature);
        var (exitCode, output) = SoftHsm.Instance.Run("openssl", ["dgst", .. opensslDigest, "-verify", "pub.pem", "-signature", "sig", "data"], dir, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Keys_made_by_pkcs11_tool_are_found_and_used_and_vice_versa(string abi)
    {
        // The interop token is shared by both runs: each makes its own ids.
        var (toolId, cardkitId) = abi == "Unix" ? ((byte)0xA1, (byte)0xB2) : ((byte)0xA3, (byte)0xB4);
        var (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", TokenSetup.Interop, "--login", "--pin", SoftHsm.Pin,
            "--keypairgen", "--key-type", "EC:prime256v1", "--id", $"{toolId:X2}", "--label", "from-pkcs11-tool"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
        using var module = TestModules.Load(abi);
        using var session = Open(module, TokenSetup.Interop);
        var found = session.FindObjects([AttributeValue.Bytes(AttributeType.Id, [toolId]), AttributeValue.Of(ObjectClass.PrivateKey)]);
        var privateKey = Assert.Single(found);
        var signature = session.Sign(SignatureScheme.Parse("ECDSA-SHA256"), privateKey, "interop"u8);
        var publicKey = Assert.Single(session.FindObjects([AttributeValue.Bytes(AttributeType.Id, [toolId]), AttributeValue.Of(ObjectClass.PublicKey)]));
        Assert.True(session.Verify(SignatureScheme.Parse("ECDSA-SHA256"), publicKey, "interop"u8, signature));

        session.GenerateKeyPair(KeySpec.Parse("rsa:2048"), "from-cardkit", [cardkitId]);
        (exitCode, output) = SoftHsm.Instance.Run("pkcs11-tool", ["--module", SoftHsm.ModulePath, "--token-label", TokenSetup.Interop, "--login", "--pin", SoftHsm.Pin, "--list-objects"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
        Assert.Contains("from-cardkit", output, StringComparison.Ordinal);
        Assert.Contains($"ID:         {cardkitId:x2}", output, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void URIs_select_exactly_one_object_or_say_why_not(string abi)
    {
        using var module = TestModules.Load(abi);
        using var session = Open(module);
        var id = NewId();
        session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "uri-key", id);
        var idText = string.Concat(id.Select(b => $"%{b:X2}"));
        var uri = Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label};id={idText};type=private");
        Assert.Same(module.FindToken(TokenSetup.Label)!.Module, UriSelection.FindSlot(module, uri).Module);
        UriSelection.FindOne(session, uri);
        var both = Assert.Throws<UriSelectionException>(() => UriSelection.FindOne(session, Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label};id={idText}")));
        Assert.Equal((UriSelectionFailure.SeveralObjects, 2), (both.Failure, both.Matches));
        Assert.Contains("2 objects match", both.Message, StringComparison.Ordinal);
        Assert.Equal(2, UriSelection.FindObjects(session, Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label};id={idText}"), allowSeveral: true).Count);
        var none = Assert.Throws<UriSelectionException>(() => UriSelection.FindOne(session, Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label};id=%00%00;type=private")));
        Assert.Equal(UriSelectionFailure.NoObject, none.Failure);
        Assert.Contains("no object matches", none.Message, StringComparison.Ordinal);
        var noToken = Assert.Throws<UriSelectionException>(() => UriSelection.FindSlot(module, Pkcs11Uri.Parse("pkcs11:token=nope?pin-value=1234")));
        Assert.Equal(UriSelectionFailure.NoToken, noToken.Failure);
        Assert.Contains(TokenSetup.Label, noToken.Candidates);
        Assert.Contains("no token matches pkcs11:token=nope?pin-value=***", noToken.Message, StringComparison.Ordinal);
        var bare = Assert.Throws<UriSelectionException>(() => UriSelection.FindObjects(session, Pkcs11Uri.Parse($"pkcs11:token={TokenSetup.Label}"), allowSeveral: true));
        Assert.Equal((UriSelectionFailure.NoObjectAttributes, ErrorCategory.Usage), (bare.Failure, bare.Category));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void A_sensitive_attribute_is_reported_as_such_not_as_a_failure_of_the_whole_read(string abi)
    {
        using var module = TestModules.Load(abi);
        using var session = Open(module);
        var (_, privateKey) = session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "sensitive", NewId());
        var attributes = session.GetAttributes(privateKey, AttributeType.Value, AttributeType.Label);
        Assert.Equal(AttributeStatus.Sensitive, attributes[AttributeType.Value].Status);
        Assert.Equal("sensitive", attributes[AttributeType.Label].AsString());
        var e = Assert.Throws<Pkcs11AttributeException>(() => attributes[AttributeType.Value].AsBytes());
        Assert.Equal((AttributeType.Value, AttributeStatus.Sensitive), (e.Attribute, e.Status));
        Assert.Contains("CKA_VALUE cannot be read: the attribute is sensitive", e.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Signing_with_a_public_key_or_a_mechanism_the_token_lacks_is_refused_clearly(string abi)
    {
        using var module = TestModules.Load(abi);
        using var session = Open(module);
        var (publicKey, _) = session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "wrong-key", NewId());
        var e = Assert.Throws<Pkcs11Exception>(() => session.Sign(SignatureScheme.Parse("ECDSA-SHA256"), publicKey, "x"u8));
        Assert.Contains("C_SignInit failed: CKR_", e.Message, StringComparison.Ordinal);

        // SoftHSM 2.6 has no SHA3 signatures: the error names what the token signs with instead.
        var (_, rsaKey) = session.GenerateKeyPair(KeySpec.Parse("rsa:2048"), "no-sha3", NewId());
        var unsupported = Assert.Throws<MechanismNotOfferedException>(() => session.Sign(SignatureScheme.Parse("SHA3-256-RSA-PKCS"), rsaKey, "x"u8));
        Assert.Equal(ReturnValue.MechanismInvalid, unsupported.Code);
        Assert.Equal(("SHA3-256-RSA-PKCS", MechanismFlags.Sign), (unsupported.Mechanism, unsupported.Operation));
        Assert.Contains("SHA256-RSA-PKCS-PSS", unsupported.Offered);
        Assert.DoesNotContain("SHA3-256-RSA-PKCS", unsupported.Offered);
        Assert.Contains("CKR_MECHANISM_INVALID: this token does not offer SHA3-256-RSA-PKCS for signing; it offers ", unsupported.Message, StringComparison.Ordinal);
        Assert.Contains("SHA256-RSA-PKCS-PSS", unsupported.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SignatureScheme.Parse("MD5-RSA"));
        Assert.Throws<ArgumentException>(() => KeySpec.Parse("rsa:99"));
    }
}
