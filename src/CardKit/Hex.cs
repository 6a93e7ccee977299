using System.Buffers;

namespace CardKit;

/// <summary>Hexadecimal text to bytes and back, the way smart-card people write it.</summary>
/// <remarks>
/// Accepted input: pairs of hex digits, optionally separated by white space or ':'
/// ("00 A4 04 00", "00A40400", "3B:8F:80"). A leading "0x" is not accepted: it is ambiguous
/// for byte strings. A separator never splits a pair.
/// </remarks>
public static class Hex
{
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n:");

    /// <summary>Parses hex text; throws <see cref="CardKitFormatException"/> with the offending offset.</summary>
    public static byte[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static byte[] Parse(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 512 ? stackalloc byte[text.Length / 2 + 1] : new byte[text.Length / 2 + 1];
        var status = TryDecode(text, buffer, out var written, out var errorOffset, out var error);
        if (status)
            return buffer[..written].ToArray();
        throw new CardKitFormatException(error!, errorOffset);
    }

    /// <summary>Parses hex text without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out byte[] bytes)
    {
        var buffer = text.Length <= 512 ? stackalloc byte[text.Length / 2 + 1] : new byte[text.Length / 2 + 1];
        if (TryDecode(text, buffer, out var written, out _, out _))
        {
            bytes = buffer[..written].ToArray();
            return true;
        }
        bytes = [];
        return false;
    }

    /// <summary>Decodes into <paramref name="destination"/>; false when the text is not hex or does not fit.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
        => TryDecode(text, destination, out bytesWritten, out _, out _);

    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written,
        out int errorOffset, out string? error)
    {
        written = 0;
        errorOffset = -1;
        error = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Separators.Contains(c))
            {
                i++;
                continue;
            }
            var high = HexValue(c);
            if (high < 0)
            {
                (errorOffset, error) = (i, $"'{Printable(c)}' is not a hex digit");
                return false;
            }
            if (i + 1 >= text.Length || Separators.Contains(text[i + 1]))
            {
                (errorOffset, error) = (i, "odd number of hex digits: every byte needs two");
                return false;
            }
            var low = HexValue(text[i + 1]);
            if (low < 0)
            {
                (errorOffset, error) = (i + 1, $"'{Printable(text[i + 1])}' is not a hex digit");
                return false;
            }
            if (written >= destination.Length)
            {
                (errorOffset, error) = (i, "destination too small");
                return false;
            }
            destination[written++] = (byte)(high << 4 | low);
            i += 2;
        }
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();

    /// <summary>Upper-case hex with a space between bytes: "3B 8F 80 01".</summary>
    public static string Format(ReadOnlySpan<byte> data) => Format(data, ' ');

    /// <summary>Upper-case hex; <paramref name="separator"/> '\0' means none ("3B8F8001").</summary>
    public static string Format(ReadOnlySpan<byte> data, char separator)
    {
        if (data.IsEmpty)
            return string.Empty;
        if (separator == '\0')
        {
            // A plain loop: Convert.ToHexString's vector path runs in software in a native AOT build
            // for baseline x64 (no SSSE3 shuffle), which made it the spy's hottest function.
            return string.Create(data.Length * 2, data, static (chars, bytes) =>
            {
                for (var i = 0; i < bytes.Length; i++)
                {
                    chars[i * 2] = "0123456789ABCDEF"[bytes[i] >> 4];
                    chars[i * 2 + 1] = "0123456789ABCDEF"[bytes[i] & 0xF];
                }
            });
        }
        var length = data.Length * 3 - 1;
        var chars = length <= 1024 ? stackalloc char[length] : new char[length];
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            chars[i * 3] = "0123456789ABCDEF"[b >> 4];
            chars[i * 3 + 1] = "0123456789ABCDEF"[b & 0xF];
            if (i * 3 + 2 < length)
                chars[i * 3 + 2] = separator;
        }
        return new string(chars);
    }
}
