using CardKit.Sim;
using Spectre.Console;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// The phone book as a text table (`sim phonebook`, the default format): position, name, number
/// and what else the entry has. Names are padded by their terminal width as Spectre.Console
/// measures it, so East Asian wide characters take the two columns a terminal gives them
/// (Unicode UAX #11). The lines are written directly: a Spectre.Console Table takes 10-30 ms
/// to lay out 250 rows in the native build, a third of the whole-process budget of a dump.
/// </summary>
internal static class PhonebookTable
{
    public static void Write(TextWriter writer, IReadOnlyList<PhonebookEntry> entries)
    {
        if (entries.Count == 0)
        {
            writer.WriteLine("(no entries)");
            return;
        }
        var nameWidth = Math.Max(4, entries.Max(e => e.Adn.Name.GetCellWidth()));
        var numberWidth = Math.Max(6, entries.Max(e => e.Adn.DisplayNumber.Length));
        writer.WriteLine($"{"#",4}  {"Name".PadRight(nameWidth)}  {"Number".PadRight(numberWidth)}  Extra");
        foreach (var e in entries)
        {
            var name = e.Adn.Name + new string(' ', nameWidth - e.Adn.Name.GetCellWidth());
            writer.WriteLine($"{e.Position,4}  {name}  {e.Adn.DisplayNumber.PadRight(numberWidth)}  {Extra(e)}".TrimEnd());
        }
    }

    private static string Extra(PhonebookEntry e)
    {
        var extra = new List<string>();
        if (e.Email is { } email)
            extra.Add("email " + email);
        if (e.AdditionalNumber is { } anr)
            extra.Add("anr " + anr);
        if (e.Adn.NonConforming)
            extra.Add("non-conforming name coding (read as Latin-1)");
        if (e.EmailNonConforming)
            extra.Add($"non-conforming e-mail coding (read as {(e.EmailCoding == AlphaCoding.Ascii ? "ASCII" : "Latin-1")})");
        if (e.Adn.Error is { } error)
            extra.Add("error: " + error);
        return string.Join("; ", extra);
    }
}
