using System.Globalization;
using System.Text;

namespace CardKit.Sim;

/// <summary>CSV (RFC 4180) with a header line: record,name,number,email,additional_number (import needs name and number).</summary>
public static class ContactCsv
{
    /// <summary>Writes the header line and one line per entry (CRLF line ends); the record number only for the first set.</summary>
    public static void Write(TextWriter writer, IEnumerable<PhonebookEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write("record,name,number,email,additional_number,non_conforming,error\r\n");
        foreach (var e in entries)
        {
            writer.Write(string.Join(',', e.Set == 1 ? e.RecordNumber.ToString(CultureInfo.InvariantCulture) : "", Quote(e.Adn.Name), Quote(e.Adn.DisplayNumber),
                Quote(e.Email ?? ""), Quote(e.AdditionalNumber ?? ""), e.NonConforming ? "yes" : "", Quote(e.Adn.Error ?? "")));
            writer.Write("\r\n");
        }
    }

    /// <exception cref="CardKitFormatException">Malformed CSV or missing columns; the offset is the line.</exception>
    public static List<Contact> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = ReadRows(reader).ToList();
        if (rows.Count == 0)
            return [];
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var nameColumn = header.IndexOf("name");
        var numberColumn = header.IndexOf("number");
        if (nameColumn < 0 || numberColumn < 0)
            throw new CardKitFormatException("line 1: the CSV header needs 'name' and 'number' columns (optional: record, email)", 1);
        var recordColumn = header.IndexOf("record");
        var emailColumn = header.IndexOf("email");
        var additionalColumn = header.IndexOf("additional_number");
        var contacts = new List<Contact>();
        foreach (var (fields, line) in rows.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;
            string Field(int column) => column >= 0 && column < fields.Count ? fields[column] : "";
            int? record = null;
            if (Field(recordColumn) is { Length: > 0 } r)
            {
                if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 254)
                    throw new CardKitFormatException($"line {line}: record '{r}' is not a number from 1 to 254", line);
                record = value;
            }
            contacts.Add(new Contact(Field(nameColumn), Field(numberColumn), record,
                Field(emailColumn) is { Length: > 0 } m ? m : null, Field(additionalColumn) is { Length: > 0 } a ? a : null));
        }
        return contacts;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static IEnumerable<(List<string> Fields, int Line)> ReadRows(TextReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; ; i++)
            {
                if (i == text.Length)
                {
                    if (!quoted)
                        break;
                    // RFC 4180 §2.6: a quoted field may contain a line break.
                    var next = reader.ReadLine() ?? throw new CardKitFormatException($"line {start}: a quoted field is not closed", start);
                    line++;
                    field.Append('\n');
                    text = next;
                    i = -1;
                    continue;
                }
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                        quoted = false;
                    else
                        field.Append(c);
                }
                else if (c == '"' && field.Length == 0)
                    quoted = true;
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                    field.Append(c);
            }
            fields.Add(field.ToString());
            yield return (fields, start);
        }
    }
}
