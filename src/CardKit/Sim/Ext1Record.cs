using System.Text;

namespace CardKit.Sim;

/// <summary>EF_EXT1 records (GSM 11.11 §10.5.10): type, length, 10 BCD bytes, next record id.</summary>
public static class Ext1Record
{
    /// <summary>Bytes per EXT1 record.</summary>
    public const int Length = 13;
    private const byte AdditionalData = 0x02;

    /// <summary>Follows the chain from <paramref name="first"/>, appending digits; returns an error text or null.</summary>
    public static string? AppendChain(byte first, Func<byte, byte[]?> read, StringBuilder digits)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(digits);
        var seen = new HashSet<byte>();
        for (var id = first; id != 0xFF;)
        {
            if (!seen.Add(id))
                return $"EXT1 chain loops back to record {id}";
            var record = read(id);
            if (record is null || record.Length < Length)
                return $"EXT1 record {id} is missing";
            if (record[0] != AdditionalData)
                return $"EXT1 record {id} is not additional data (type {record[0]:X2})";
            var length = record[1];
            if (length > 10)
                return $"EXT1 record {id} claims {length} bytes of 10";
            BcdNumber.Decode(record.AsSpan(2, length), digits);
            id = record[12];
        }
        return null;
    }

    /// <summary>EXT1 records for the digits after the 20th, chained in the order of <paramref name="recordIds"/>.</summary>
    public static List<byte[]> Encode(string number, IReadOnlyList<byte> recordIds)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var digits = AdnRecord.ParseNumber(number).Digits;
        var records = new List<byte[]>();
        var rest = digits.Length > AdnRecord.MaxDigits ? digits[AdnRecord.MaxDigits..] : "";
        for (var i = 0; rest.Length > 0; i++)
        {
            var part = rest.Length > 20 ? rest[..20] : rest;
            rest = rest[part.Length..];
            var record = Enumerable.Repeat((byte)0xFF, Length).ToArray();
            var bcd = BcdNumber.Encode(part);
            record[0] = AdditionalData;
            record[1] = (byte)bcd.Length;
            bcd.CopyTo(record, 2);
            record[12] = rest.Length > 0 ? recordIds[i + 1] : (byte)0xFF;
            records.Add(record);
        }
        return records;
    }
}
