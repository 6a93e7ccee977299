using System.Text;

namespace CardKit.Sim;

/// <summary>
/// Dialling numbers as swapped-nibble BCD (GSM 11.11 §10.5.1, 3GPP TS 24.008 Table 10.5.118):
/// 0-9, A = '*', B = '#', C = 'p' (DTMF control digit separator, a pause), D = 'w' (wild value),
/// E = expansion (shown as 'e'), F = filler ending the number.
/// </summary>
public static class BcdNumber
{
    private const string Digits = "0123456789*#pwe";

    /// <summary>Appends the digits of <paramref name="bcd"/> (low nibble first) up to the first F.</summary>
    /// <returns>False when an F filler ended the digits early.</returns>
    public static bool Decode(ReadOnlySpan<byte> bcd, StringBuilder digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        foreach (var b in bcd)
        {
            if (!Append(b & 0x0F, digits) || !Append(b >> 4, digits))
                return false;
        }
        return true;
    }

    /// <summary>The digits of <paramref name="bcd"/> (low nibble first) up to the first F.</summary>
    public static string Decode(ReadOnlySpan<byte> bcd)
    {
        var digits = new StringBuilder(bcd.Length * 2);
        Decode(bcd, digits);
        return digits.ToString();
    }

    private static bool Append(int nibble, StringBuilder digits)
    {
        if (nibble == 0xF)
            return false;
        digits.Append(Digits[nibble]);
        return true;
    }

    /// <summary>The nibble for a dialling character; ',' is accepted for a pause and ';' for wild (Android's spelling).</summary>
    public static bool TryNibble(char c, out int nibble)
    {
        nibble = c switch
        {
            >= '0' and <= '9' => c - '0',
            '*' => 0xA,
            '#' => 0xB,
            'p' or 'P' or ',' => 0xC,
            'w' or 'W' or ';' => 0xD,
            'e' or 'E' => 0xE,
            _ => -1,
        };
        return nibble >= 0;
    }

    /// <summary>Packs <paramref name="digits"/> (already validated) two per byte, F-filled.</summary>
    public static byte[] Encode(ReadOnlySpan<char> digits)
    {
        var bytes = new byte[(digits.Length + 1) / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            TryNibble(digits[2 * i], out var low);
            var high = 0xF;
            if (2 * i + 1 < digits.Length)
                TryNibble(digits[2 * i + 1], out high);
            bytes[i] = (byte)(high << 4 | low);
        }
        return bytes;
    }
}
