using System.Globalization;

namespace CardKit.Iso7816;

/// <summary>
/// Names of well-known application identifiers (ISO/IEC 7816-4:2020 §12.2.3; RIDs registered per
/// ISO/IEC 7816-5). The longest registered prefix of an AID wins. <see cref="Default"/> holds the
/// built-in entries; <see cref="Extend"/> adds a user's file of "HEX name" lines.
/// </summary>
public sealed class AidTable
{
    private readonly List<(byte[] Aid, string Name)> _entries;

    private AidTable(List<(byte[] Aid, string Name)> entries) => _entries = entries;

    /// <summary>The built-in table: UICC applications, OpenPGP, PIV, PKCS#15, EMV schemes, GlobalPlatform, eMRTD, NDEF.</summary>
    public static AidTable Default { get; } = new(
    [
        (Hex.Parse("A0000000871002"), "3GPP USIM"),
        (Hex.Parse("A0000000871004"), "3GPP ISIM"),
        (Hex.Parse("A0000000090001"), "ETSI GSM SIM application"),
        (Hex.Parse("D27600012401"), "OpenPGP card"),
        (Hex.Parse("A000000308"), "PIV (NIST SP 800-73)"),
        (Hex.Parse("A000000063504B43532D3135"), "PKCS#15"),
        (Hex.Parse("315041592E5359532E4444463031"), "EMV payment system environment 1PAY.SYS.DDF01"),
        (Hex.Parse("325041592E5359532E4444463031"), "EMV proximity payment system environment 2PAY.SYS.DDF01"),
        (Hex.Parse("A0000000031010"), "Visa credit/debit"),
        (Hex.Parse("A0000000032010"), "Visa Electron"),
        (Hex.Parse("A0000000033010"), "Visa Interlink"),
        (Hex.Parse("A0000000038010"), "Visa Plus"),
        (Hex.Parse("A000000003"), "Visa"),
        (Hex.Parse("A0000000041010"), "Mastercard credit/debit"),
        (Hex.Parse("A0000000043060"), "Maestro"),
        (Hex.Parse("A000000004"), "Mastercard"),
        (Hex.Parse("A00000002501"), "American Express"),
        (Hex.Parse("A0000001523010"), "Discover"),
        (Hex.Parse("A0000000651010"), "JCB"),
        (Hex.Parse("A000000333010101"), "UnionPay debit"),
        (Hex.Parse("A000000333010102"), "UnionPay credit"),
        (Hex.Parse("A0000000291010"), "LINK (UK ATM network)"),
        (Hex.Parse("A000000151000000"), "GlobalPlatform issuer security domain"),
        (Hex.Parse("A0000000030000"), "Visa OpenPlatform card manager"),
        (Hex.Parse("A0000002471001"), "ICAO eMRTD (LDS1)"),
        (Hex.Parse("A0000006472F0001"), "FIDO U2F"),
        (Hex.Parse("D2760000850101"), "NFC Forum type 4 tag (NDEF)"),
    ]);

    /// <summary>The entries, longest AIDs first within equal prefixes.</summary>
    public IReadOnlyList<(byte[] Aid, string Name)> Entries => _entries;

    /// <summary>The name of the longest entry that is a prefix of <paramref name="aid"/>, or null.</summary>
    public string? Name(ReadOnlySpan<byte> aid)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var (prefix, name) in _entries)
        {
            if (prefix.Length > bestLength && prefix.Length <= aid.Length && aid.StartsWith(prefix))
                (best, bestLength) = (name, prefix.Length);
        }
        return best;
    }

    /// <summary>
    /// A table with this one's entries plus those of <paramref name="reader"/>: one "HEX name" per
    /// line ('#' starts a comment line); an entry for an AID already present replaces its name.
    /// </summary>
    /// <exception cref="CardKitFormatException">A line whose AID is not hex or is not 5 to 16 bytes; the offset is the line number.</exception>
    public AidTable Extend(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(byte[] Aid, string Name)>(_entries);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
                continue;
            var space = text.IndexOfAny([' ', '\t']);
            var hex = space < 0 ? text : text[..space];
            var name = space < 0 ? "" : text[(space + 1)..].Trim();
            if (!Hex.TryParse(hex, out var aid) || aid.Length is < 5 or > 16 || name.Length == 0)
                throw new CardKitFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"AID table line {number}: expected 'HEX name' with an AID of 5 to 16 bytes, got '{text}'"), number);
            entries.RemoveAll(e => e.Aid.AsSpan().SequenceEqual(aid));
            entries.Add((aid, name));
        }
        return new AidTable(entries);
    }
}
