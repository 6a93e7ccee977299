using System.Globalization;
using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// One phone book entry as a flat row: what <c>sim phonebook -f json</c> prints per entry and what
/// a backup file keeps for people to read. <c>email</c>, <c>additionalNumber</c> and <c>error</c>
/// are left out when there is none.
/// </summary>
/// <param name="Record">The record number in its EF_ADN.</param>
/// <param name="Set">The EF_PBR record of its set of files (1 on most cards).</param>
/// <param name="Name">The name.</param>
/// <param name="Number">The number as dialled ('+' for international).</param>
/// <param name="NameCoding">How the name was coded.</param>
/// <param name="TonNpi">Type of number and numbering plan, two hex digits ("91").</param>
/// <param name="Email">The e-mail address, or null.</param>
/// <param name="AdditionalNumber">The additional number, or null.</param>
/// <param name="NonConforming">The name or the e-mail address broke the coding rules and was read as written.</param>
/// <param name="Error">What was wrong with a damaged record, or null.</param>
public sealed record PhonebookRow(
    int Record,
    int Set,
    string Name,
    string Number,
    AlphaCoding NameCoding,
    string TonNpi,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AdditionalNumber,
    bool NonConforming,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    /// <summary>The row of <paramref name="entry"/>.</summary>
    public static PhonebookRow From(PhonebookEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PhonebookRow(entry.RecordNumber, entry.Set, entry.Adn.Name, entry.Adn.DisplayNumber, entry.Adn.NameCoding,
            entry.Adn.TonNpi.ToString("X2", CultureInfo.InvariantCulture), entry.Email, entry.AdditionalNumber, entry.NonConforming, entry.Adn.Error);
    }
}
