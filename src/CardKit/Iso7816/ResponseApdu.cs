namespace CardKit.Iso7816;

/// <summary>A response APDU: optional data then SW1 SW2 (ISO/IEC 7816-4:2020 §5.1).</summary>
public sealed class ResponseApdu : IEquatable<ResponseApdu>
{
    private readonly byte[] _data;

    /// <summary>A response of <paramref name="data"/> (copied) and <paramref name="statusWord"/>.</summary>
    public ResponseApdu(ReadOnlySpan<byte> data, StatusWord statusWord)
    {
        _data = data.ToArray();
        StatusWord = statusWord;
    }

    /// <summary>The response data field (empty when none).</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>SW1 SW2.</summary>
    public StatusWord StatusWord { get; }

    /// <summary>SW1.</summary>
    public byte Sw1 => StatusWord.Sw1;

    /// <summary>SW2.</summary>
    public byte Sw2 => StatusWord.Sw2;

    /// <summary>Parses data + SW1 SW2; fewer than two bytes is a format error.</summary>
    public static ResponseApdu Parse(ReadOnlySpan<byte> response)
    {
        if (response.Length < 2)
            throw new CardKitFormatException(
                $"a response APDU needs at least the two status bytes SW1 SW2, got {response.Length}", response.Length);
        return new ResponseApdu(response[..^2], new StatusWord(response[^2], response[^1]));
    }

    /// <summary>Parses data + SW1 SW2; false (and null) for fewer than two bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> response, out ResponseApdu? result)
    {
        result = response.Length < 2 ? null : new ResponseApdu(response[..^2], new StatusWord(response[^2], response[^1]));
        return result is not null;
    }

    /// <summary>Data followed by SW1 SW2.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[_data.Length + 2];
        _data.CopyTo(bytes, 0);
        bytes[^2] = StatusWord.Sw1;
        bytes[^1] = StatusWord.Sw2;
        return bytes;
    }

    /// <summary>Same data and status word.</summary>
    public bool Equals(ResponseApdu? other) =>
        other is not null && StatusWord == other.StatusWord && Data.SequenceEqual(other.Data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ResponseApdu);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StatusWord, _data.Length);

    /// <summary>"data SW" in spaced hex, e.g. "6F 10 ... 90 00".</summary>
    public override string ToString() => Hex.Format(ToArray());
}
