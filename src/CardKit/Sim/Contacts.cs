using System.Globalization;
using System.Text;

namespace CardKit.Sim;

/// <summary>A contact to write: name, number, optionally the record number it must go to, an e-mail address and an additional number.</summary>
public sealed record Contact(string Name, string Number, int? RecordNumber = null, string? Email = null, string? AdditionalNumber = null);

/// <summary>vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) import/export of the fields a SIM holds: FN/N, TEL, EMAIL.</summary>
public static class VCard
{
    public static void Write(TextWriter writer, IEnumerable<PhonebookEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            writer.Write("BEGIN:VCARD\r\nVERSION:3.0\r\n");
            writer.Write($"FN:{Escape(e.Adn.Name)}\r\nN:{Escape(e.Adn.Name)};;;;\r\n");
            if (e.Adn.DisplayNumber.Length > 0)
                writer.Write($"TEL;TYPE=CELL:{e.Adn.DisplayNumber}\r\n");
            if (e.AdditionalNumber is { } anr)
                writer.Write($"TEL;TYPE=HOME:{anr}\r\n");
            if (e.Email is { } email)
                writer.Write($"EMAIL:{Escape(email)}\r\n");
            // The record number places the contact on a write; writes go to the first set only.
            if (e.Set == 1)
                writer.Write($"X-SIM-RECORD:{e.RecordNumber.ToString(CultureInfo.InvariantCulture)}\r\n");
            writer.Write("END:VCARD\r\n");
        }
    }

    /// <exception cref="CardKitFormatException">The file is not a vCard list; <see cref="CardKitFormatException.Offset"/> is the line.</exception>
    public static List<Contact> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var contacts = new List<Contact>();
        string? name = null, number = null, email = null, additional = null;
        int? record = null;
        var inCard = false;
        var lineNumber = 0;
        foreach (var (line, number0) in Unfold(reader))
        {
            lineNumber = number0;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var key = line[..colon].Split(';')[0].ToUpperInvariant();
            var value = line[(colon + 1)..];
            switch (key)
            {
                case "BEGIN" when value.Equals("VCARD", StringComparison.OrdinalIgnoreCase):
                    if (inCard)
                        throw new CardKitFormatException($"line {lineNumber}: BEGIN:VCARD inside a vCard", lineNumber);
                    (inCard, name, number, email, additional, record) = (true, null, null, null, null, null);
                    break;
                case "END" when value.Equals("VCARD", StringComparison.OrdinalIgnoreCase):
                    if (!inCard)
                        throw new CardKitFormatException($"line {lineNumber}: END:VCARD without BEGIN", lineNumber);
                    if (name is null && number is null)
                        throw new CardKitFormatException($"line {lineNumber}: a vCard without FN, N or TEL", lineNumber);
                    contacts.Add(new Contact(name ?? "", number ?? "", record, email, additional));
                    inCard = false;
                    break;
                case "FN":
                    name = Unescape(value);
                    break;
                case "N" when name is null:
                    var parts = value.Split(';');
                    name = Unescape(string.Join(' ', parts.Length > 1 ? new[] { parts[1], parts[0] } : parts).Trim());
                    break;
                // The first TEL is the number, the second the additional number (as Write puts them).
                case "TEL" when number is null:
                    number = value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? value[4..] : value;
                    break;
                case "TEL" when additional is null:
                    additional = value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? value[4..] : value;
                    break;
                case "EMAIL" when email is null:
                    email = Unescape(value);
                    break;
                case "X-SIM-RECORD" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r):
                    record = r;
                    break;
            }
        }
        if (inCard)
            throw new CardKitFormatException($"line {lineNumber}: the file ends inside a vCard (no END:VCARD)", lineNumber);
        return contacts;
    }

    // RFC 6350 §3.2: a line starting with a space or tab continues the previous one.
    private static IEnumerable<(string Line, int Number)> Unfold(TextReader reader)
    {
        var current = new StringBuilder();
        var start = 0;
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line.AsSpan(1));
                continue;
            }
            if (current.Length > 0)
                yield return (current.ToString(), start);
            current.Clear().Append(line);
            start = n;
        }
        if (current.Length > 0)
            yield return (current.ToString(), start);
    }

    // RFC 6350 §3.4: backslash escapes in text values.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] is 'n' or 'N' ? '\n' : text[i]);
            }
            else
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }
}

/// <summary>CSV (RFC 4180) with a header line: record,name,number,email,additional_number (import needs name and number).</summary>
public static class ContactCsv
{
    public static void Write(TextWriter writer, IEnumerable<PhonebookEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write("record,name,number,email,additional_number,non_conforming,error\r\n");
        foreach (var e in entries)
        {
            writer.Write(string.Join(',', e.Set == 1 ? e.RecordNumber.ToString(CultureInfo.InvariantCulture) : "", Quote(e.Adn.Name), Quote(e.Adn.DisplayNumber),
                Quote(e.Email ?? ""), Quote(e.AdditionalNumber ?? ""), e.Adn.NonConforming ? "yes" : "", Quote(e.Adn.Error ?? "")));
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
