namespace CardKit.Scripting;

/// <summary>
/// An expected response: hex bytes where '..' is any byte, a '.' nibble any nibble and '*' any
/// run of bytes (the smartcard_list.txt wildcard style). A pattern of exactly one status word
/// (two bytes, no '*') checks only the status word.
/// </summary>
public sealed class ResponsePattern
{
    // Each element: (value, mask) for a byte, or null for '*'.
    private readonly (byte Value, byte Mask)?[] _items;

    private ResponsePattern((byte, byte)?[] items, string text)
    {
        _items = items;
        Text = text;
    }

    /// <summary>The pattern as written, tokens separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>True when only SW1 SW2 are checked.</summary>
    public bool StatusWordOnly => _items.Length == 2 && _items.All(i => i is not null);

    /// <summary>Parses an expectation; false with <paramref name="error"/> saying what is wrong.</summary>
    public static bool TryParse(string text, out ResponsePattern? pattern, out string error)
    {
        pattern = null;
        error = "";
        var items = new List<(byte, byte)?>();
        foreach (var token in Tokens(text))
        {
            if (token == "*")
            {
                items.Add(null);
                continue;
            }
            if (token.Length % 2 != 0)
            {
                error = $"'{token}' is not whole bytes (two hex digits or '..' per byte)";
                return false;
            }
            for (var i = 0; i < token.Length; i += 2)
            {
                if (!TryNibble(token[i], out var hi, out var hiMask) || !TryNibble(token[i + 1], out var lo, out var loMask))
                {
                    error = $"'{token.Substring(i, 2)}' is not a hex byte or wildcard";
                    return false;
                }
                items.Add(((byte)(hi << 4 | lo), (byte)(hiMask << 4 | loMask)));
            }
        }
        if (items.Count == 0)
        {
            error = "nothing after '='";
            return false;
        }
        pattern = new ResponsePattern([.. items], string.Join(' ', Tokens(text)));
        return true;
    }

    /// <summary>Whether <paramref name="response"/> (data + SW1 SW2) matches.</summary>
    public bool Matches(ReadOnlySpan<byte> response)
    {
        if (StatusWordOnly)
            return response.Length >= 2 && Match(response[^2..], 0);
        return Match(response, 0);
    }

    private bool Match(ReadOnlySpan<byte> response, int item)
    {
        if (item == _items.Length)
            return response.IsEmpty;
        if (_items[item] is not { } b)
        {
            for (var skip = 0; skip <= response.Length; skip++)
            {
                if (Match(response[skip..], item + 1))
                    return true;
            }
            return false;
        }
        return !response.IsEmpty && (response[0] & b.Mask) == b.Value && Match(response[1..], item + 1);
    }

    private static string[] Tokens(string text) =>
        text.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);

    private static bool TryNibble(char c, out int value, out int mask)
    {
        mask = 0xF;
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            '.' => 0,
            _ => -1,
        };
        if (c == '.')
            mask = 0;
        return value >= 0;
    }

    /// <inheritdoc cref="Text"/>
    public override string ToString() => Text;
}
