using System.Text.Json.Serialization;

namespace CardKit.Pkcs11;

/// <summary>
/// A mechanism a token supports, with key sizes and flags (C_GetMechanismInfo, CK_MECHANISM_INFO:
/// base specification §3.6). As JSON (`p11 mechanisms --json`): name, type (a number), minKeySize,
/// maxKeySize, capabilities.
/// </summary>
/// <param name="Type">The mechanism.</param>
/// <param name="MinKeySize">ulMinKeySize (bits or bytes, as the mechanism defines).</param>
/// <param name="MaxKeySize">ulMaxKeySize.</param>
/// <param name="Flags">What the mechanism can do.</param>
public sealed record MechanismInfo(
    [property: JsonConverter(typeof(JsonNumberEnumConverter<MechanismType>))] MechanismType Type,
    ulong MinKeySize,
    ulong MaxKeySize,
    [property: JsonIgnore] MechanismFlags Flags)
{
    // Named as pkcs11-tool -M prints them.
    private static readonly (MechanismFlags Flag, string Name)[] FlagNames =
    [
        (MechanismFlags.Hardware, "hw"), (MechanismFlags.Encrypt, "encrypt"), (MechanismFlags.Decrypt, "decrypt"), (MechanismFlags.Digest, "digest"),
        (MechanismFlags.Sign, "sign"), (MechanismFlags.SignRecover, "sign_recover"), (MechanismFlags.Verify, "verify"), (MechanismFlags.VerifyRecover, "verify_recover"),
        (MechanismFlags.Generate, "generate"), (MechanismFlags.GenerateKeyPair, "generate_key_pair"), (MechanismFlags.Wrap, "wrap"), (MechanismFlags.Unwrap, "unwrap"),
        (MechanismFlags.Derive, "derive"), (MechanismFlags.EcFp, "EC F_P"), (MechanismFlags.EcF2m, "EC F_2M"), (MechanismFlags.EcParameters, "EC parameters"),
        (MechanismFlags.EcOid, "EC OID"), (MechanismFlags.EcUncompress, "EC uncompressed"), (MechanismFlags.EcCompress, "EC compressed"),
    ];

    /// <summary>The name pkcs11-tool gives it ("SHA256-RSA-PKCS"), or its number in hex.</summary>
    [JsonPropertyOrder(-1)]
    public string Name => Mechanisms.Name(Type);

    /// <summary>What the mechanism can do, from <see cref="Flags"/>, named as pkcs11-tool -M prints them.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Capabilities => [.. FlagNames.Where(f => Flags.HasFlag(f.Flag)).Select(f => f.Name)];
}
