using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Pkcs11.Tests;

/// <summary>RFC 7512 §3 examples and p11-kit-style accept/reject cases.</summary>
public class UriTests
{
    [Theory]
    [InlineData("pkcs11:")]
    [InlineData("pkcs11:object=my-pubkey;type=public")]
    [InlineData("pkcs11:object=my-key;type=private?pin-source=file:/etc/token")]
    [InlineData("pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;manufacturer=Snake%20Oil,%20Inc.;model=1.0;object=my-certificate;type=cert;id=%69%95%3E%5C%F4%BD%EC%91;serial=?pin-source=file:/etc/token_pin")]
    [InlineData("pkcs11:object=my-sign-key;type=private?module-name=mypkcs11")]
    [InlineData("pkcs11:object=my-sign-key;type=private?module-path=/mnt/libmypkcs11.so.1")]
    [InlineData("pkcs11:token=Software%20PKCS%2311%20softtoken;manufacturer=Snake%20Oil,%20Inc.?pin-value=the-pin")]
    [InlineData("pkcs11:slot-description=Sun%20Metaslot")]
    [InlineData("pkcs11:library-manufacturer=Snake%20Oil,%20Inc.;library-description=Soft%20Token%20Library;library-version=1.23")]
    [InlineData("pkcs11:token=A%20name%20with%20a%20substring%20%25%3B;object=my-certificate;type=cert")]
    [InlineData("pkcs11:token=Name%20with%20a%20small%20A%20with%20acute:%20%C3%A1;object=my-certificate;type=cert")]
    [InlineData("pkcs11:token=my-token;object=my-certificate;type=cert;vendor-aaa=value-a?pin-source=file:/etc/token_pin&vendor-bbb=value-b")]
    public void Parses_the_RFC_7512_examples(string uri)
    {
        // RFC 7512 §3's vendor attributes use names like vendor-aaa; CardKit requires the x- prefix
        // the RFC recommends (§2.3), so those two are checked with the prefix.
        var text = uri.Replace("vendor-aaa", "x-vendor-aaa", StringComparison.Ordinal).Replace("vendor-bbb", "x-vendor-bbb", StringComparison.Ordinal);
        var parsed = Pkcs11Uri.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(parsed.ToString(), Pkcs11Uri.Parse(parsed.ToString()).ToString());
    }

    [Fact]
    public void Decodes_values_and_always_encodes_the_id()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;object=my-certificate;type=cert;id=%69%95%3E%5C%F4%BD%EC%91?pin-value=1234");
        Assert.Equal("The Software PKCS#11 Softtoken", uri.Token);
        Assert.Equal("cert", uri.Type);
        Assert.Equal("69953E5CF4BDEC91", Convert.ToHexString(uri.Id!));
        Assert.Equal("1234", uri.ResolvePin());
        Assert.Contains("id=%69%95%3E%5C%F4%BD%EC%91", uri.ToString(), StringComparison.Ordinal);
        Assert.Equal("id=%61", Pkcs11Uri.Parse("pkcs11:id=a").ToString()[7..]);
        Assert.DoesNotContain("1234", uri.Redacted(), StringComparison.Ordinal);
        Assert.EndsWith("?pin-value=***", uri.Redacted(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkcs:token=a", "must start with 'pkcs11:'")]
    [InlineData("pkcs11:token", "is not name=value")]
    [InlineData("pkcs11:token=a;token=b", "appears twice")]
    [InlineData("pkcs11:token=a%2", "bad percent-encoding")]
    [InlineData("pkcs11:token=a%zz", "bad percent-encoding")]
    [InlineData("pkcs11:colour=blue", "unknown attribute 'colour'")]
    [InlineData("pkcs11:type=car", "type 'car' is not")]
    [InlineData("pkcs11:token=a b", "bad percent-encoding")]
    [InlineData("pkcs11:object=a/b", "bad percent-encoding")]
    [InlineData("pkcs11:token=a?pin-value=1&pin-source=file:/x", "exclude each other")]
    [InlineData("pkcs11:token=a?pin-value=1&pin-value=2", "appears twice")]
    [InlineData("pkcs11:library-version=1.2.3", "library-version '1.2.3' is not")]
    [InlineData("pkcs11:library-version=256", "library-version '256' is not")]
    [InlineData("pkcs11:library-version=a", "library-version 'a' is not")]
    [InlineData("pkcs11:slot-id=-1", "slot-id '-1' is not")]
    [InlineData("pkcs11:slot-id=18446744073709551616", "slot-id '18446744073709551616' is not")]
    [InlineData("pkcs11:x-a%41=1", "vendor attribute 'x-a%41' has characters")]
    [InlineData("pkcs11:token=a;", "'' is not name=value")]
    public void Rejects_malformed_URIs_with_the_reason(string uri, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => Pkcs11Uri.Parse(uri));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(Pkcs11Uri.TryParse(uri, out var parsed, out _, out _));
        Assert.Null(parsed);
    }

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(5000);

    private static Gen<byte[]> AnyBytes => Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    private static Gen<string> VendorName =>
        Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcXYZ019-_".ToCharArray()), n)).Select(c => "x-" + new string(c));

    // A value each standard attribute accepts: the constrained ones by their RFC 7512 §2.3 syntax, the rest any bytes.
    private static Gen<byte[]> ValueOf(string name) => name switch
    {
        "type" => Gen.Elements("public", "private", "cert", "secret-key", "data").Select(System.Text.Encoding.UTF8.GetBytes),
        "library-version" => Gen.Two(Gen.Choose(0, 255)).SelectMany(v => Gen.Elements($"{v.Item1}", $"{v.Item1}.{v.Item2}")).Select(System.Text.Encoding.ASCII.GetBytes),
        "slot-id" => Gen.Choose(0, int.MaxValue).Select(n => System.Text.Encoding.ASCII.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        _ => AnyBytes,
    };

    private static Gen<List<KeyValuePair<string, byte[]>>> Attributes(string[] names) =>
        from standard in Gen.SubListOf(names)
        from vendors in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(VendorName, n))
        let all = standard.Concat(vendors).Distinct().ToArray()
        from order in Gen.Shuffle(all)
        from values in Gen.CollectToArray(order, ValueOf)
        select order.Zip(values, (n, v) => new KeyValuePair<string, byte[]>(n, v)).ToList();

    private static Gen<Pkcs11Uri> Uris =>
        from path in Attributes(["token", "manufacturer", "serial", "model", "library-manufacturer", "library-description", "library-version", "object", "type", "id", "slot-description", "slot-manufacturer", "slot-id"])
        from query in Attributes(["pin-value", "module-name", "module-path"])
        from pinSource in Gen.Elements(false, true)
        select Pkcs11Uri.Create(path, pinSource && !query.Any(q => q.Key == "pin-value") ? [.. query, new("pin-source", "file:/etc/pin"u8.ToArray())] : query);

    [Fact]
    public void A_formatted_URI_parses_back_equal_with_the_same_text()
    {
        Check.One(Runs, Prop.ForAll(Uris.ToArbitrary(), uri =>
        {
            var text = uri.ToString();
            var back = Pkcs11Uri.Parse(text);
            return back.Equals(uri) && back.ToString() == text && back.GetHashCode() == uri.GetHashCode();
        }));
    }

    private static Gen<string> UriLikeText =>
        Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements("pkcs11:;?&=%0123456789abcdefABCDEF/ tokenidtypex-".ToCharArray()), n))
            .Select(c => "pkcs11:" + new string(c));

    [Fact]
    public void Random_text_either_parses_to_a_URI_that_formats_and_parses_back_equal_or_is_refused_with_an_offset_inside_it()
    {
        Check.One(Runs, Prop.ForAll(UriLikeText.ToArbitrary(), text =>
        {
            if (Pkcs11Uri.TryParse(text, out var uri, out _, out _))
                return Pkcs11Uri.Parse(uri!.ToString()).Equals(uri);
            var e = Assert.Throws<CardKitFormatException>(() => Pkcs11Uri.Parse(text));
            return e.Offset >= 0 && e.Offset <= text.Length;
        }));
    }

    [Fact]
    public void Equal_URIs_have_the_same_attributes_in_any_order_and_differ_in_any_value()
    {
        var a = Pkcs11Uri.Parse("pkcs11:token=t;id=%01;type=private?pin-value=1");
        Assert.Equal(a, Pkcs11Uri.Parse("pkcs11:type=private;id=%01;token=t?pin-value=1"));
        Assert.NotEqual(a, Pkcs11Uri.Parse("pkcs11:token=t;id=%02;type=private?pin-value=1"));
        Assert.NotEqual(a, Pkcs11Uri.Parse("pkcs11:token=t;id=%01;type=private"));
        Assert.NotEqual(a, Pkcs11Uri.Parse("pkcs11:token=t;id=%01;type=private?pin-value=1&module-name=m"));
    }

    [Theory]
    [InlineData("public", ObjectClass.PublicKey)]
    [InlineData("private", ObjectClass.PrivateKey)]
    [InlineData("cert", ObjectClass.Certificate)]
    [InlineData("secret-key", ObjectClass.SecretKey)]
    [InlineData("data", ObjectClass.Data)]
    public void Each_RFC_7512_type_names_one_object_class_and_back(string type, ObjectClass objectClass)
    {
        Assert.True(Pkcs11Uri.TryGetObjectClass(type, out var found));
        Assert.Equal(objectClass, found);
        Assert.Equal(type, Pkcs11Uri.TypeName(objectClass));
        Assert.Equal(objectClass, Pkcs11Uri.Parse($"pkcs11:type={type}").Class);
        Assert.Equal([AttributeValue.Of(objectClass).Value], UriSelection.Template(Pkcs11Uri.Parse($"pkcs11:type={type}")).Select(a => a.Value));
    }

    [Fact]
    public void Classes_RFC_7512_does_not_name_have_no_type()
    {
        Assert.Null(Pkcs11Uri.TypeName(ObjectClass.HardwareFeature));
        Assert.False(Pkcs11Uri.TryGetObjectClass("Private", out _));
        Assert.Throws<ArgumentException>(() => Pkcs11Uri.Parse("pkcs11:token=t").ObjectUri([1], ObjectClass.OtpKey));
    }

    [Fact]
    public void An_object_URI_keeps_the_token_attributes_and_drops_the_object_ones_and_the_PIN()
    {
        var token = Pkcs11Uri.Parse("pkcs11:token=my%20token;serial=42;object=old;type=cert?pin-value=1234");
        Assert.Equal("pkcs11:token=my%20token;serial=42;id=%01%A2;type=private", token.ObjectUri([0x01, 0xA2], ObjectClass.PrivateKey).ToString());
        Assert.Equal("pkcs11:token=demo;id=%01;type=public", Pkcs11Uri.Parse("pkcs11:token=demo?pin-value=1234").ObjectUri([0x01], ObjectClass.PublicKey).ToString());
    }

    [Theory]
    [InlineData("colour", "unknown attribute 'colour'")]
    [InlineData("x-", "vendor attribute 'x-' has characters")]
    [InlineData("x-a;b", "vendor attribute 'x-a;b' has characters")]
    [InlineData("type", "type 'car' is not")]
    public void Create_refuses_what_Parse_refuses(string name, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => Pkcs11Uri.Create([new(name, "car"u8.ToArray())]));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Pkcs11Uri.Create([new("token", [1]), new("token", [2])]));
        Assert.Throws<ArgumentException>(() => Pkcs11Uri.Create([], [new("pin-value", [1]), new("pin-source", [2])]));
    }

    [Theory]
    [InlineData("pkcs11:token=123456789012345678901234567890123", "'token' is 33 bytes but CK_TOKEN_INFO label holds 32")]
    [InlineData("pkcs11:serial=12345678901234567", "'serial' is 17 bytes but CK_TOKEN_INFO serialNumber holds 16")]
    [InlineData("pkcs11:model=%C3%A1%C3%A1%C3%A1%C3%A1%C3%A1%C3%A1%C3%A1%C3%A1%C3%A1", "'model' is 18 bytes but CK_TOKEN_INFO model holds 16")]
    [InlineData("pkcs11:token=Name%20with%20a%20small%20A%20with%20acute:%20%C3%A1", "'token' is 34 bytes")]
    public void Values_longer_than_their_PKCS11_field_parse_but_are_known_to_match_nothing(string uri, string reason)
    {
        var parsed = Pkcs11Uri.Parse(uri);
        Assert.Contains(reason, parsed.Unmatchable, StringComparison.Ordinal);
        Assert.Null(Pkcs11Uri.Parse("pkcs11:token=12345678901234567890123456789012;serial=1234567890123456").Unmatchable);
    }
}
