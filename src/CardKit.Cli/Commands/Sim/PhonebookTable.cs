using CardKit.Sim;
using Spectre.Console;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// The phone book as a text table (`sim phonebook`, the default format): position, name, number
/// and what else the entry has. Spectre.Console lays it out, so East Asian wide characters take
/// the two columns a terminal gives them (Unicode UAX #11).
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
        var table = new Table().Border(TableBorder.None)
            .AddColumn(new TableColumn("#").RightAligned().Width(Math.Max(4, entries.Max(e => e.Position.Length))).Padding(0, 0, 2, 0))
            .AddColumn(new TableColumn("Name").NoWrap().Padding(0, 0, 2, 0))
            .AddColumn(new TableColumn("Number").NoWrap().Padding(0, 0, 2, 0))
            .AddColumn(new TableColumn("Extra").NoWrap().Padding(0, 0, 0, 0));
        foreach (var e in entries)
            table.AddRow(new Text(e.Position), new Text(e.Adn.Name), new Text(e.Adn.DisplayNumber), new Text(Extra(e)));
        var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(buffer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // The table is as wide as its widest row, whatever the terminal: nothing wraps or is cut.
        console.Profile.Width = 1 << 16;
        console.Write(table);
        // Spectre pads every cell to its column; lines end with their last character.
        foreach (var line in buffer.ToString().Split('\n'))
        {
            if (line.Length > 0)
                writer.WriteLine(line.TrimEnd());
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
