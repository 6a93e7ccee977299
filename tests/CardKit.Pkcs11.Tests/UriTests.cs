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
        Assert.DoesNotContain("1234", UriSelection.Redacted(uri), StringComparison.Ordinal);
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
    public void Rejects_malformed_URIs_with_the_reason(string uri, string reason)
    {
        var e = Assert.Throws<CardKitFormatException>(() => Pkcs11Uri.Parse(uri));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(Pkcs11Uri.TryParse(uri, out var parsed, out _, out _));
        Assert.Null(parsed);
    }

    [Fact]
    public void Random_text_never_throws_anything_but_the_format_exception()
    {
        var random = new Random(7512);
        const string alphabet = "pkcs11:;?&=%0123456789abcdefABCDEF/ tokenidtype";
        for (var i = 0; i < 50_000; i++)
        {
            var text = "pkcs11:" + new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (Pkcs11Uri.TryParse(text, out var uri, out _, out _))
                Assert.NotNull(Pkcs11Uri.Parse(uri!.ToString()));
        }
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
