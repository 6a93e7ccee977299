using System.Globalization;

namespace CardKit.Sim;

/// <summary>One phone book entry: the ADN record plus the USIM e-mail and additional number when present.</summary>
/// <param name="Adn">The EF_ADN record, EXT1 digits included.</param>
/// <param name="Email">The e-mail address (EF_EMAIL), or null.</param>
/// <param name="AdditionalNumber">The additional number (EF_ANR) as dialled, or null.</param>
public sealed record PhonebookEntry(AdnRecord Adn, string? Email = null, string? AdditionalNumber = null)
{
    /// <summary>The record number in its EF_ADN.</summary>
    public int RecordNumber => Adn.RecordNumber;

    /// <summary>Which set of phone book files it is in: the EF_PBR record, 1 on most cards and on GSM SIMs.</summary>
    public int Set { get; init; } = 1;

    /// <summary>"17" in the first set, "2:17" in the second.</summary>
    public string Position => Set == 1 ? RecordNumber.ToString(CultureInfo.InvariantCulture) : $"{Set}:{RecordNumber}";

    /// <summary>How the e-mail field was coded, or null without an e-mail address.</summary>
    public AlphaCoding? EmailCoding { get; init; }

    /// <summary>The e-mail field broke the coding rules (ASCII or Latin-1 bytes) and was read as written.</summary>
    public bool EmailNonConforming => EmailCoding is AlphaCoding.Latin1 or AlphaCoding.Ascii;

    /// <summary>The name or the e-mail address broke the coding rules and was read as written (nothing dropped).</summary>
    public bool NonConforming => Adn.NonConforming || EmailNonConforming;
}
