using System.Security.Cryptography;

namespace CardKit.Pkcs11.Tests;

public class SignatureFormatTests
{
    [Theory]
    [InlineData("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF" + "8011223344556677889900112233445566778899001122334455667788990011")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001" + "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("7F11223344556677889900112233445566778899001122334455667788990011" + "00FF223344556677889900112233445566778899001122334455667788990011")]
    public void ECDSA_r_s_round_trips_through_DER_including_leading_zero_bytes(string hex)
    {
        var raw = Convert.FromHexString(hex);
        var der = SignatureScheme.ToDer(raw);
        Assert.Equal(raw, SignatureScheme.FromDer(der, 32));
    }

    [Fact]
    public void Random_signatures_round_trip_and_dotnet_reads_the_DER()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 0; i < 2000; i++)
        {
            var data = BitConverter.GetBytes(i);
            var raw = key.SignData(data, HashAlgorithmName.SHA256); // IEEE P1363 r||s
            var der = SignatureScheme.ToDer(raw);
            Assert.True(key.VerifyData(data, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.Equal(raw, SignatureScheme.FromDer(der, 32));
        }
    }
}
