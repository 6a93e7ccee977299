using System.Formats.Asn1;
using System.Security.Cryptography;

namespace CardKit.Pkcs11;

/// <summary>Public keys read from a token as .NET keys and as SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) DER/PEM.</summary>
public static class PublicKeys
{
    /// <summary>The public key object as an <see cref="AsymmetricAlgorithm"/> (RSA or ECDsa).</summary>
    /// <exception cref="Pkcs11Exception">The object is not an RSA or EC public key with the attributes that make one.</exception>
    public static AsymmetricAlgorithm Read(Pkcs11Session session, ObjectHandle publicKey)
    {
        ArgumentNullException.ThrowIfNull(session);
        var a = session.GetAttributes(publicKey, AttributeType.KeyType, AttributeType.Modulus, AttributeType.PublicExponent, AttributeType.EcParams, AttributeType.EcPoint);
        var keyType = a[AttributeType.KeyType] is { IsPresent: true } kt ? kt.AsKeyType() : KeyType.VendorDefined;
        if (keyType == KeyType.Rsa && a[AttributeType.Modulus].IsPresent && a[AttributeType.PublicExponent].IsPresent)
            return RSA.Create(new RSAParameters { Modulus = a[AttributeType.Modulus].AsBytes(), Exponent = a[AttributeType.PublicExponent].AsBytes() });
        if (keyType == KeyType.Ec && a[AttributeType.EcParams].IsPresent && a[AttributeType.EcPoint].IsPresent)
        {
            // CKA_EC_POINT is the DER OCTET STRING of the uncompressed point 04 || X || Y (PKCS#11 2.40 current mechanisms §2.3.3).
            var point = new AsnReader(a[AttributeType.EcPoint].AsBytes(), AsnEncodingRules.BER).ReadOctetString();
            if (point.Length < 3 || point[0] != 0x04)
                throw new Pkcs11Exception("the EC public key is not an uncompressed point");
            var half = (point.Length - 1) / 2;
            var oid = new AsnReader(a[AttributeType.EcParams].AsBytes(), AsnEncodingRules.DER).ReadObjectIdentifier();
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.CreateFromValue(oid),
                Q = new ECPoint { X = point[1..(1 + half)], Y = point[(1 + half)..] },
            });
        }
        throw new Pkcs11Exception($"object {publicKey} is not an RSA or EC public key CardKit can export");
    }

    /// <summary>SubjectPublicKeyInfo DER (RFC 5280 §4.1) of any public key object CardKit reads, Ed25519 included (RFC 8410 §4).</summary>
    public static byte[] ExportDer(Pkcs11Session session, ObjectHandle publicKey)
    {
        ArgumentNullException.ThrowIfNull(session);
        var a = session.GetAttributes(publicKey, AttributeType.KeyType, AttributeType.EcPoint);
        if (a[AttributeType.KeyType] is { IsPresent: true } kt && kt.AsKeyType() == KeyType.EcEdwards && a[AttributeType.EcPoint] is { IsPresent: true } ecPoint)
        {
            // CKA_EC_POINT of an Edwards key: the 32 bytes, usually as a DER OCTET STRING.
            var point = ecPoint.AsBytes();
            var raw = point.Length == 32 ? point : new AsnReader(point, AsnEncodingRules.BER).ReadOctetString();
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                    writer.WriteObjectIdentifier("1.3.101.112");
                writer.WriteBitString(raw);
            }
            return writer.Encode();
        }
        using var key = Read(session, publicKey);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>The same as PEM ("PUBLIC KEY", RFC 7468 §13), as OpenSSL reads it.</summary>
    public static string ExportPem(Pkcs11Session session, ObjectHandle publicKey) => PemEncoding.WriteString("PUBLIC KEY", ExportDer(session, publicKey));

    /// <summary>A .NET public key as SubjectPublicKeyInfo PEM.</summary>
    public static string ToPem(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }
}
