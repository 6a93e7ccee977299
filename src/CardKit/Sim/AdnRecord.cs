using System.Text;

namespace CardKit.Sim;

/// <summary>
/// One abbreviated dialling number record (EF_ADN, GSM 11.11 §10.5.1; TS 31.102 §4.4.2.3):
/// alpha identifier (X = record length - 14 bytes), BCD length, TON/NPI, 10 BCD bytes, capability
/// id, EXT1 record id. <see cref="Error"/> is set instead of throwing when the record is damaged.
/// </summary>
public sealed record AdnRecord(
    int RecordNumber,
    string Name,
    string Number,
    byte TonNpi,
    byte ExtensionRecord,
    AlphaCoding NameCoding,
    string? Error = null)
{
    /// <summary>The bytes after the alpha identifier: length, TON/NPI, 10 BCD bytes, capability id, EXT1 id.</summary>
    public const int FixedPartLength = 14;

    /// <summary>Digits the record itself holds (10 BCD bytes); more go to EXT1.</summary>
    public const int MaxDigits = 20;

    /// <summary>No name, no number and nothing wrong: a free record.</summary>
    public bool IsEmpty => Name.Length == 0 && Number.Length == 0 && Error is null;

    /// <summary>The alpha field broke the coding rules (read as Latin-1).</summary>
    public bool NonConforming => NameCoding == AlphaCoding.Latin1;

    /// <summary>TON/NPI type of number = international (TS 24.008 §10.5.4.7): the number is shown with '+'.</summary>
    public bool International => (TonNpi & 0x70) == 0x10;

    /// <summary>The number as people dial it: '+' for international.</summary>
    public string DisplayNumber => International && Number.Length > 0 ? "+" + Number : Number;

    /// <summary>Decodes a record; EXT1 continuation digits come from <paramref name="extension"/> when the record points to one.</summary>
    public static AdnRecord Decode(int recordNumber, ReadOnlySpan<byte> record, Func<byte, byte[]?>? extension = null)
    {
        if (record.Length < FixedPartLength)
            throw new CardKitFormatException($"ADN record {recordNumber} has {record.Length} bytes; at least {FixedPartLength} are needed", 0);
        var alphaLength = record.Length - FixedPartLength;
        var alpha = AlphaIdentifier.Decode(record[..alphaLength]);
        var fixedPart = record[alphaLength..];
        var length = fixedPart[0];
        var tonNpi = fixedPart[1];
        var ext = fixedPart[13];
        if (length is 0xFF or 0)
            return new AdnRecord(recordNumber, alpha.Text, "", 0xFF, 0xFF, alpha.Coding);
        if (length > 11)
            return new AdnRecord(recordNumber, alpha.Text, "", tonNpi, ext, alpha.Coding,
                $"BCD length {length} is more than the 11 bytes a record holds");
        var digits = new StringBuilder(MaxDigits);
        BcdNumber.Decode(fixedPart.Slice(2, length - 1), digits);
        string? error = null;
        if (ext != 0xFF && extension is not null)
            error = Ext1Record.AppendChain(ext, extension, digits);
        return new AdnRecord(recordNumber, alpha.Text, digits.ToString(), tonNpi, ext, alpha.Coding, error);
    }

    /// <summary>
    /// Encodes a name and number into a record of <paramref name="recordLength"/> bytes. Digits past
    /// the 20th go to EXT1 records: <paramref name="firstExtensionRecord"/> names the first one the
    /// caller allocated (see <see cref="Ext1Record.Encode"/>).
    /// </summary>
    public static byte[] Encode(string name, string number, int recordLength, byte firstExtensionRecord = 0xFF)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (recordLength < FixedPartLength)
            throw new ArgumentOutOfRangeException(nameof(recordLength), "an ADN record has at least 14 bytes");
        var record = new byte[recordLength];
        AlphaIdentifier.Encode(name, recordLength - FixedPartLength).CopyTo(record, 0);
        var fixedPart = record.AsSpan(recordLength - FixedPartLength);
        fixedPart.Fill(0xFF);
        var (digits, tonNpi) = ParseNumber(number);
        if (digits.Length == 0)
            return record;
        var main = digits.Length > MaxDigits ? digits[..MaxDigits] : digits;
        var bcd = BcdNumber.Encode(main);
        fixedPart[0] = (byte)(bcd.Length + 1);
        fixedPart[1] = tonNpi;
        bcd.CopyTo(fixedPart[2..]);
        if (digits.Length > MaxDigits)
        {
            if (firstExtensionRecord == 0xFF)
                throw new ArgumentException($"{digits.Length} digits need an EXT1 record; none was allocated", nameof(firstExtensionRecord));
            fixedPart[13] = firstExtensionRecord;
        }
        return record;
    }

    /// <summary>Digits without '+' and the TON/NPI: 0x91 (international, ISDN) with '+', else 0x81 (unknown, ISDN).</summary>
    /// <exception cref="ArgumentException">A character is not a dialling digit.</exception>
    public static (string Digits, byte TonNpi) ParseNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var text = number.Trim();
        var international = text.StartsWith('+');
        var digits = new StringBuilder(text.Length);
        foreach (var c in international ? text[1..] : text)
        {
            if (c is ' ' or '-' or '(' or ')' or '.' or '/')
                continue;
            if (!BcdNumber.TryNibble(c, out _))
                throw new ArgumentException($"'{c}' in \"{number}\" is not a dialling digit (0-9 * # p w)", nameof(number));
            digits.Append(c);
        }
        return (digits.ToString(), international ? (byte)0x91 : (byte)0x81);
    }

    /// <summary>How many EXT1 records <paramref name="number"/> needs.</summary>
    public static int ExtensionRecordsNeeded(string number)
    {
        var digits = ParseNumber(number).Digits.Length;
        return digits <= MaxDigits ? 0 : (digits - MaxDigits + MaxDigits - 1) / MaxDigits;
    }
}
