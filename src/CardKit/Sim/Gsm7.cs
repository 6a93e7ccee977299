using System.Text;

namespace CardKit.Sim;

/// <summary>
/// The GSM 7-bit default alphabet and its extension table, unpacked one character per byte as
/// SIM alpha identifiers use it (3GPP TS 23.038 §6.2.1 and §6.2.1.1; GSM 11.11 §10.5.1 note).
/// </summary>
public static class Gsm7
{
    /// <summary>The escape to the extension table (TS 23.038 §6.2.1.1).</summary>
    public const byte Escape = 0x1B;

    // TS 23.038 §6.2.1 Figure: default alphabet, index = code. 0x1B is the escape to the extension table.
    private const string Default =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // TS 23.038 §6.2.1.1: extension table (after 1B).
    private static readonly (byte Code, char Char)[] Extension =
    [
        (0x0A, '\f'), (0x14, '^'), (0x28, '{'), (0x29, '}'), (0x2F, '\\'),
        (0x3C, '['), (0x3D, '~'), (0x3E, ']'), (0x40, '|'), (0x65, '€'),
    ];

    private static readonly Dictionary<char, byte> DefaultCodes = BuildDefaultCodes();

    private static Dictionary<char, byte> BuildDefaultCodes()
    {
        var codes = new Dictionary<char, byte>();
        for (var i = 0; i < Default.Length; i++)
        {
            if (i != Escape)
                codes[Default[i]] = (byte)i;
        }
        return codes;
    }

    /// <summary>The character for a 7-bit code.</summary>
    public static char ToChar(byte code) => Default[code & 0x7F];

    /// <summary>The extension character after an escape; an unknown one shows as the default character (§6.2.1.1 note).</summary>
    public static char ToExtensionChar(byte code)
    {
        foreach (var (c, ch) in Extension)
        {
            if (c == code)
                return ch;
        }
        return ToChar(code);
    }

    /// <summary>Bytes (default table code or escape + extension code) for <paramref name="c"/>; false when GSM 7-bit cannot carry it.</summary>
    public static bool TryEncode(char c, out byte code, out bool escaped)
    {
        escaped = false;
        if (DefaultCodes.TryGetValue(c, out code))
            return true;
        foreach (var (ext, ch) in Extension)
        {
            if (ch == c)
            {
                code = ext;
                escaped = true;
                return true;
            }
        }
        return false;
    }

    /// <summary>The encoded length of <paramref name="text"/>, or -1 when a character is not in the alphabet.</summary>
    public static int EncodedLength(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        foreach (var c in text)
        {
            if (!TryEncode(c, out _, out var escaped))
                return -1;
            length += escaped ? 2 : 1;
        }
        return length;
    }

    /// <summary>Writes <paramref name="text"/> unpacked; the caller checked <see cref="EncodedLength"/>.</summary>
    public static int Encode(string text, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        foreach (var c in text)
        {
            if (!TryEncode(c, out var code, out var escaped))
                throw new ArgumentException($"'{c}' is not in the GSM 7-bit alphabet", nameof(text));
            if (escaped)
                destination[i++] = Escape;
            destination[i++] = code;
        }
        return i;
    }

    /// <summary>Appends the unpacked 7-bit characters in <paramref name="bytes"/> (bit 8 must be clear).</summary>
    internal static void Decode(ReadOnlySpan<byte> bytes, StringBuilder text)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == Escape && i + 1 < bytes.Length)
                text.Append(ToExtensionChar(bytes[++i]));
            else
                text.Append(ToChar(bytes[i]));
        }
    }
}
