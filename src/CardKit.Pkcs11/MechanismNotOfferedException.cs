namespace CardKit.Pkcs11;

/// <summary>CKR_MECHANISM_INVALID: the token lacks the mechanism for the operation; <see cref="Offered"/> lists what it has instead.</summary>
public sealed class MechanismNotOfferedException : Pkcs11Exception
{
    /// <summary><paramref name="function"/> refused <paramref name="mechanism"/> for <paramref name="operation"/>; the token offers <paramref name="offered"/> for it.</summary>
    public MechanismNotOfferedException(string function, string mechanism, MechanismFlags operation, IReadOnlyList<string> offered)
        : base(ErrorCategory.CardOrData, ReturnValue.MechanismInvalid, function, Describe(mechanism, operation, offered))
    {
        Mechanism = mechanism;
        Operation = operation;
        Offered = offered;
    }

    /// <summary>The mechanism asked for, as pkcs11-tool names it.</summary>
    public string Mechanism { get; }

    /// <summary>The operation (one flag: <see cref="MechanismFlags.Sign"/>, <see cref="MechanismFlags.Encrypt"/>, ...).</summary>
    public MechanismFlags Operation { get; }

    /// <summary>The mechanisms the token offers for the operation, as pkcs11-tool names them.</summary>
    public IReadOnlyList<string> Offered { get; }

    private static string Describe(string mechanism, MechanismFlags operation, IReadOnlyList<string> offered)
    {
        var what = operation switch
        {
            MechanismFlags.Encrypt => "encryption",
            MechanismFlags.Decrypt => "decryption",
            MechanismFlags.Digest => "digests",
            MechanismFlags.Sign => "signing",
            MechanismFlags.Verify => "verification",
            MechanismFlags.Generate => "key generation",
            MechanismFlags.GenerateKeyPair => "key pair generation",
            MechanismFlags.Wrap => "wrapping",
            MechanismFlags.Unwrap => "unwrapping",
            _ => "derivation",
        };
        return offered.Count == 0
            ? $"this token offers no mechanism for {what}"
            : $"this token does not offer {mechanism} for {what}; it offers {string.Join(", ", offered)}";
    }
}
