using System.Globalization;
using System.Text;

namespace CardKit.Pkcs11;

/// <summary>
/// The C names of PKCS#11 values for messages: CKA_LABEL, CKR_PIN_INCORRECT. The enums spell them
/// in Pascal case; a value they do not define is shown in hex.
/// </summary>
public static class Pkcs11Names
{
    /// <summary>"CKA_EC_POINT" for <see cref="AttributeType.EcPoint"/>, "CKA 0x80000010" for a vendor's.</summary>
    public static string Of(AttributeType type) =>
        Enum.IsDefined(type) ? "CKA_" + UpperSnake(type.ToString()) : string.Create(CultureInfo.InvariantCulture, $"CKA 0x{(ulong)type:X}");

    /// <summary>"CKR_PIN_INCORRECT" for <see cref="ReturnValue.PinIncorrect"/>, "CKR 0x80000001" for a vendor's.</summary>
    public static string Of(ReturnValue code) =>
        Enum.IsDefined(code) ? "CKR_" + UpperSnake(code.ToString()) : string.Create(CultureInfo.InvariantCulture, $"CKR 0x{(ulong)code:X}");

    // "PinIncorrect" -> "PIN_INCORRECT", "Prime1" -> "PRIME_1".
    private static string UpperSnake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && (char.IsAsciiLetterUpper(c) || (char.IsAsciiDigit(c) && char.IsAsciiLetterLower(pascal[i - 1]))))
                text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }
}
