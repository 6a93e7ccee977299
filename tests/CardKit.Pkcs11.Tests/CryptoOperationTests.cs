using System.Security.Cryptography;
using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// Encryption, digests, wrapping, derivation, attribute changes and EdDSA against SoftHSM2, checked with
/// .NET and openssl, through both ABIs (see <see cref="TestModules"/>).
/// </summary>
[Collection("SoftHSM")]
public class CryptoOperationTests
{
    private static byte[] NewId() => RandomNumberGenerator.GetBytes(4);

    [Fact(Timeout = 60_000)]
    public void A_PKCS11_2_40_module_is_loaded_through_C_GetFunctionList()
    {
        using var module = Pkcs11Module.Load(SoftHsm.ModulePath);
        Assert.Equal("C_GetFunctionList", module.Entry);
    }

    [Fact(Timeout = 60_000)]
    public void A_PKCS11_3_0_module_is_loaded_through_C_GetInterface_and_OpenSC_spy_decodes_what_CardKit_sends()
    {
        // OpenSC's pkcs11-spy is a PKCS#11 3.0 module (C_GetInterface) that logs every call, decoded,
        // before passing it to the module named by PKCS11SPY: a second reader of CardKit's structures.
        var log = Path.Combine(SoftHsm.Instance.Directory, $"spy-{Guid.NewGuid():N}.log");
        NativeEnvironment.Set("PKCS11SPY", SoftHsm.ModulePath);
        NativeEnvironment.Set("PKCS11SPY_OUTPUT", log);
        using (var module = Pkcs11Module.Load("/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so"))
        {
            Assert.Equal("C_GetInterface", module.Entry);
            using var session = module.FindToken(TokenSetup.Label)!.OpenSession(readWrite: true);
            session.Login(SoftHsm.Pin);
            var id = NewId();
            var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse("rsa:2048"), "spied", id);
            Assert.Equal([privateKey], session.FindObjects([AttributeValue.Of(ObjectClass.PrivateKey), AttributeValue.Bytes(AttributeType.Id, id)]));
            var scheme = SignatureScheme.Parse("SHA384-RSA-PKCS-PSS");
            Assert.True(session.Verify(scheme, publicKey, "spied"u8, session.Sign(scheme, privateKey, "spied"u8)));
        }
        var text = File.ReadAllText(log);
        Assert.Contains("C_GetInterface", text, StringComparison.Ordinal);
        Assert.Matches(@"CKA_MODULUS_BITS\s+\S+ / 8\s+00000000  00 08 00 00 00 00 00 00", text);
        Assert.Matches(@"pMechanism->type = CKM_SHA384_RSA_PKCS_PSS\s+\[in\] pMechanism->pParameter->hashAlg = CKM_SHA384\s+\[in\] pMechanism->pParameter->mgf = CKG_MGF1_SHA384\s+\[in\] pMechanism->pParameter->sLen = 48", text);
        Assert.Contains("CKA_CLASS             CKO_PRIVATE_KEY", text, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void AES_GCM_and_CBC_round_trip_and_GCM_detects_tampering(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var key = session.GenerateAesKey(256, "aes", NewId());
            var plain = RandomNumberGenerator.GetBytes(100);
            var iv = RandomNumberGenerator.GetBytes(12);
            var gcm = Mechanism.AesGcm(iv, "header"u8.ToArray());
            var sealedData = session.Encrypt(gcm, key, plain);
            Assert.Equal(plain.Length + 16, sealedData.Length);
            Assert.Equal(plain, session.Decrypt(gcm, key, sealedData));
            sealedData[3] ^= 1;
            Assert.Throws<Pkcs11Exception>(() => session.Decrypt(gcm, key, sealedData));
            var cbc = Mechanism.AesCbcPad(RandomNumberGenerator.GetBytes(16));
            Assert.Equal(plain, session.Decrypt(cbc, key, session.Encrypt(cbc, key, plain)));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void RSA_OAEP_from_dotnet_with_the_exported_key_decrypts_on_the_token(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse("rsa:2048"), "oaep", NewId());
            using var rsa = (RSA)PublicKeys.Read(session, publicKey);
            var secret = RandomNumberGenerator.GetBytes(32);
            // SoftHSM 2.6 implements OAEP with SHA-1 only; the SHA-256 parameters are refused, not misused.
            var encrypted = rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA1);
            Assert.Equal(secret, session.Decrypt(Mechanism.RsaOaepSha1(), privateKey, encrypted));
            Assert.Throws<Pkcs11Exception>(() => session.Decrypt(Mechanism.RsaOaepSha256(), privateKey, rsa.Encrypt(secret, RSAEncryptionPadding.OaepSHA256)));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Digest_matches_dotnet(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var data = RandomNumberGenerator.GetBytes(1000);
            Assert.Equal(SHA256.HashData(data), session.Digest(Mechanism.Of(MechanismType.Sha256), data));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void An_AES_key_wrapped_and_unwrapped_still_decrypts(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var kek = session.GenerateAesKey(256, "kek", NewId());
            var key = session.GenerateAesKey(128, "wrapped", NewId(), extractable: true);
            var cbc = Mechanism.AesCbcPad(new byte[16]);
            var encrypted = session.Encrypt(cbc, key, "secret"u8);
            var wrapped = session.WrapKey(Mechanism.Of(MechanismType.AesKeyWrap), kek, key);
            var unwrapped = session.UnwrapKey(Mechanism.Of(MechanismType.AesKeyWrap), kek, wrapped,
            [
                AttributeValue.Of(ObjectClass.SecretKey), AttributeValue.Of(KeyType.Aes),
                AttributeValue.Bool(AttributeType.Decrypt, true), AttributeValue.Bool(AttributeType.Token, false),
            ]);
            Assert.Equal("secret"u8.ToArray(), session.Decrypt(cbc, unwrapped, encrypted));
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void ECDH_on_the_token_agrees_with_dotnet(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "ecdh", NewId());
            using var peer = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            var q = peer.ExportParameters(false).Q;
            var secretHandle = session.DeriveKey(Mechanism.EcdhDerive([0x04, .. q.X!, .. q.Y!]), privateKey,
            [
                AttributeValue.Of(ObjectClass.SecretKey), AttributeValue.Of(KeyType.GenericSecret),
                AttributeValue.Bool(AttributeType.Token, false), AttributeValue.Bool(AttributeType.Sensitive, false), AttributeValue.Bool(AttributeType.Extractable, true),
            ]);
            var tokenSecret = session.GetAttribute(secretHandle, AttributeType.Value).AsBytes();
            using var tokenPublic = (ECDsa)PublicKeys.Read(session, publicKey);
            using var tokenAsEcdh = ECDiffieHellman.Create(tokenPublic.ExportParameters(false));
            Assert.Equal(peer.DeriveRawSecretAgreement(tokenAsEcdh.PublicKey), tokenSecret);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Attributes_can_be_changed_and_objects_copied(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var (publicKey, _) = session.GenerateKeyPair(KeySpec.Parse("ec:p256"), "before", NewId());
            session.SetAttributes(publicKey, [AttributeValue.Text(AttributeType.Label, "after")]);
            Assert.Equal("after", session.GetAttribute(publicKey, AttributeType.Label).AsString());
            var copy = session.CopyObject(publicKey, [AttributeValue.Text(AttributeType.Label, "copy"), AttributeValue.Bool(AttributeType.Token, false)]);
            Assert.Equal("copy", session.GetAttribute(copy, AttributeType.Label).AsString());
            Assert.Equal(session.GetAttribute(publicKey, AttributeType.EcPoint).AsBytes(), session.GetAttribute(copy, AttributeType.EcPoint).AsBytes());
            session.DestroyObject(copy);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Ed25519_signatures_verify_in_openssl(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var (publicKey, privateKey) = session.GenerateKeyPair(KeySpec.Parse("ed25519"), "ed", NewId());
            var data = RandomNumberGenerator.GetBytes(200);
            var signature = session.Sign(SignatureScheme.Parse("EDDSA"), privateKey, data);
            Assert.Equal(64, signature.Length);
            Assert.True(session.Verify(SignatureScheme.Parse("EDDSA"), publicKey, data, signature));
            using var temp = TempPath.Directory();
            var dir = temp.Path;
            File.WriteAllText(Path.Combine(dir, "pub.pem"), PublicKeys.ExportPem(session, publicKey));
            File.WriteAllBytes(Path.Combine(dir, "data"), data);
            File.WriteAllBytes(Path.Combine(dir, "sig"), signature);
            var (exitCode, output) = SoftHsm.Instance.Run("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "data", "-sigfile", "sig"], dir, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        }
    }
}
