using System.Security.Cryptography;

namespace CardKit.Pkcs11.Tests;

/// <summary>Typed attribute reads against SoftHSM2 through both ABIs: every value type, and why a value is missing.</summary>
[Collection("SoftHSM")]
public class AttributeTests
{
    // A session secret key with every kind of value: CK_ULONG, CK_BBOOL, UTF-8, bytes, CK_DATE. Not
    // private: SoftHSM 2.6 stores a private object's CK_DATE encrypted and then fails to read it
    // back (CKR_GENERAL_ERROR, also through PyKCS11).
    private static ObjectHandle SecretKey(Pkcs11Session session, bool sensitive) => session.CreateObject(
    [
        AttributeValue.Of(ObjectClass.SecretKey), AttributeValue.Of(KeyType.GenericSecret), AttributeValue.Bool(AttributeType.Private, false),
        AttributeValue.Bool(AttributeType.Token, false), AttributeValue.Text(AttributeType.Label, "typed é"),
        AttributeValue.Bytes(AttributeType.Id, [0xC0, 0xFF, 0xEE]), AttributeValue.Bytes(AttributeType.Value, RandomNumberGenerator.GetBytes(32)),
        AttributeValue.Bool(AttributeType.Sensitive, sensitive), AttributeValue.Bool(AttributeType.Extractable, true),
        AttributeValue.Date(AttributeType.StartDate, new DateOnly(2024, 2, 29)),
    ]);

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Each_value_reads_as_its_type(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var key = SecretKey(session, sensitive: false);
            var a = session.GetAttributes(key, AttributeType.Class, AttributeType.KeyType, AttributeType.Token, AttributeType.Label,
                AttributeType.Id, AttributeType.ValueLen, AttributeType.StartDate, AttributeType.EndDate, AttributeType.Value);
            Assert.All(a, attribute => Assert.Equal(AttributeStatus.Present, attribute.Status));
            Assert.Equal(ObjectClass.SecretKey, a[AttributeType.Class].AsObjectClass());
            Assert.Equal(KeyType.GenericSecret, a[AttributeType.KeyType].AsKeyType());
            Assert.False(a[AttributeType.Token].AsBool());
            Assert.Equal("typed é", a[AttributeType.Label].AsString());
            Assert.Equal([0xC0, 0xFF, 0xEE], a[AttributeType.Id].AsBytes());
            Assert.Equal(32UL, a[AttributeType.ValueLen].AsUlong());
            Assert.Equal(32, a[AttributeType.Value].AsSpan().Length);
            Assert.Equal(new DateOnly(2024, 2, 29), a[AttributeType.StartDate].AsDate());
            Assert.Null(a[AttributeType.EndDate].AsDate()); // empty CK_DATE: not set
            Assert.Equal(AttributeType.Class, a[0].Type);
            Assert.Throws<KeyNotFoundException>(() => a[AttributeType.Modulus]);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void Missing_values_say_whether_the_object_hides_them_or_does_not_have_them(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var key = SecretKey(session, sensitive: true);
            // Two unavailable attributes in one call: the module gives one code for both, so each is asked alone.
            var a = session.GetAttributes(key, AttributeType.Value, AttributeType.Label, AttributeType.Modulus);
            Assert.Equal([AttributeStatus.Sensitive, AttributeStatus.Present, AttributeStatus.Absent], a.Select(x => x.Status));
            // One unavailable attribute: the call's code is its reason.
            Assert.Equal(AttributeStatus.Absent, session.GetAttributes(key, AttributeType.Label, AttributeType.PublicExponent)[1].Status);
            Assert.Equal(AttributeStatus.Sensitive, session.GetAttribute(key, AttributeType.Value).Status);
            Assert.False(a[AttributeType.Modulus].IsPresent);
            var e = Assert.Throws<Pkcs11AttributeException>(() => a[AttributeType.Modulus].AsBytes());
            Assert.Equal((AttributeType.Modulus, AttributeStatus.Absent), (e.Attribute, e.Status));
            Assert.Equal("CKA_MODULUS cannot be read: the object has no such attribute", e.Message);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Unix")]
    [InlineData("Windows")]
    public void A_value_of_the_wrong_size_for_its_type_is_a_format_error(string abi)
    {
        var (module, session) = TestModules.OpenLoggedIn(abi);
        using (module)
        using (session)
        {
            var a = session.GetAttributes(SecretKey(session, sensitive: false), AttributeType.Label, AttributeType.Id);
            Assert.Contains("CKA_LABEL is 8 bytes, not a CK_BBOOL", Assert.Throws<CardKitFormatException>(() => a[AttributeType.Label].AsBool()).Message, StringComparison.Ordinal);
            Assert.Contains("CKA_ID is 3 bytes, not a CK_ULONG", Assert.Throws<CardKitFormatException>(() => a[AttributeType.Id].AsUlong()).Message, StringComparison.Ordinal);
            Assert.Contains("CKA_ID is not a CK_DATE", Assert.Throws<CardKitFormatException>(() => a[AttributeType.Id].AsDate()).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_are_the_C_names_and_unknown_values_are_shown_in_hex()
    {
        Assert.Equal("CKA_PRIME_1", Pkcs11Names.Of(AttributeType.Prime1));
        Assert.Equal("CKA_VALUE_LEN", Pkcs11Names.Of(AttributeType.ValueLen));
        Assert.Equal("CKA_EC_POINT", Pkcs11Names.Of(AttributeType.EcPoint));
        Assert.Equal("CKA 0x80000010", Pkcs11Names.Of((AttributeType)0x80000010));
        Assert.Equal("CKR_PIN_INCORRECT", Pkcs11Names.Of(ReturnValue.PinIncorrect));
        Assert.Equal("CKR_CRYPTOKI_ALREADY_INITIALIZED", Pkcs11Names.Of(ReturnValue.CryptokiAlreadyInitialized));
        Assert.Equal("CKR 0x80000001", Pkcs11Names.Of((ReturnValue)0x80000001));
        Assert.Equal("SHA256-RSA-PKCS-PSS", Mechanisms.Name(MechanismType.Sha256RsaPkcsPss));
        Assert.Equal("0x80000001", Mechanisms.Name((MechanismType)0x80000001));
    }
}
