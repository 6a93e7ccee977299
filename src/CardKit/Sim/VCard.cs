using System.Globalization;
using System.Text;

namespace CardKit.Sim;

/// <summary>vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) import/export of the fields a SIM holds: FN/N, TEL, EMAIL.</summary>
public static class VCard
{
    /// <summary>Writes one vCard 3.0 per entry (CRLF line ends) with X-SIM-RECORD for entries of the first set.</summary>
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
