using System.Buffers.Binary;
using System.Globalization;
using CardKit.Tlv;

namespace CardKit.Sim;

/// <summary>
/// One decoded EF_PBR record, the phone book reference file of a USIM (3GPP TS 31.102 §4.4.2.1):
/// the set of phone book files it names, and how that set becomes a <see cref="PhonebookLayout"/>
/// once the card has described each file. Pure: no card access.
/// </summary>
public sealed record EfPbrRecord
{
    private EfPbrRecord(int number, IReadOnlyList<PbrFileReference> files)
    {
        Number = number;
        Files = files;
    }

    /// <summary>The record number in EF_PBR (1 is the first set of files).</summary>
    public int Number { get; }

    /// <summary>Every file the record names, in record order.</summary>
    public IReadOnlyList<PbrFileReference> Files { get; }

    /// <summary>EF_ADN's short file identifier: type 2 records end with it and the ADN record number.</summary>
    public byte? AdnSfi => Find(PhonebookFileTag.Adn)?.Sfi;

    /// <summary>
    /// Decodes record <paramref name="number"/>: templates A8 (type 1), A9 (type 2) and AA (type 3)
    /// of tags C0..CB with a FID and an optional SFI. Other templates and tags are skipped.
    /// </summary>
    /// <exception cref="CardKitFormatException">The TLV structure is broken, or no EF_ADN (tag C0) is named.</exception>
    public static EfPbrRecord Decode(int number, ReadOnlySpan<byte> record)
    {
        var files = new List<PbrFileReference>();
        foreach (var template in BerTlv.Parse(record.ToArray()))
        {
            PbrFileType type;
            switch (template.Tag)
            {
                case 0xA8: type = PbrFileType.Type1; break;
                case 0xA9: type = PbrFileType.Type2; break;
                case 0xAA: type = PbrFileType.Type3; break;
                default: continue;
            }
            foreach (var file in BerTlv.Parse(template.Value))
            {
                if (file.Value.Length < 2 || file.Tag is < 0xC0 or > 0xCB)
                    continue;
                var value = file.Value.Span;
                files.Add(new PbrFileReference((PhonebookFileTag)file.Tag, type, BinaryPrimitives.ReadUInt16BigEndian(value), value.Length >= 3 ? value[2] : null));
            }
        }
        if (!files.Exists(f => f.Tag == PhonebookFileTag.Adn))
            throw new CardKitFormatException($"EF_PBR record {number} has no EF_ADN (tag C0)", 0);
        return new EfPbrRecord(number, files);
    }

    /// <summary>
    /// The sets of phone book files in EF_PBR's records: record 1 always, later records unless they
    /// are unused (all 'FF'). Cards with more than 250 entries have one record per EF_ADN.
    /// </summary>
    /// <exception cref="CardKitFormatException">A used record is malformed or names no EF_ADN.</exception>
    public static IReadOnlyList<EfPbrRecord> DecodeSets(IReadOnlyList<byte[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sets = new List<EfPbrRecord>();
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0 && !records[i].AsSpan().ContainsAnyExcept((byte)0xFF))
                continue;
            sets.Add(Decode(i + 1, records[i]));
        }
        return sets;
    }

    /// <summary>The first file with <paramref name="tag"/>, or null.</summary>
    public PbrFileReference? Find(PhonebookFileTag tag) => Files.Where(f => f.Tag == tag).Cast<PbrFileReference?>().FirstOrDefault();

    /// <summary>The byte of EF_IAP records that links <paramref name="tag"/>'s type 2 file (0-based: template order), or null when it is not type 2.</summary>
    public int? IapPosition(PhonebookFileTag tag)
    {
        var position = 0;
        foreach (var file in Files)
        {
            if (file.Type != PbrFileType.Type2)
                continue;
            if (file.Tag == tag)
                return position;
            position++;
        }
        return null;
    }

    /// <summary>The name CardKit gives a file of this set: "EF_EMAIL", and "EF_EMAIL#2" for the second record's.</summary>
    public string FileName(PhonebookFileTag tag) =>
        "EF_" + tag.ToString().ToUpperInvariant() + (Number == 1 ? "" : "#" + Number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The files a layout uses, in the order to select them: EF_ADN, EF_EXT1, EF_EMAIL, EF_ANR, and
    /// EF_IAP when any file is type 2.
    /// </summary>
    public IReadOnlyList<PbrFileReference> LayoutFiles()
    {
        var files = new List<PbrFileReference>();
        foreach (var tag in (ReadOnlySpan<PhonebookFileTag>)[PhonebookFileTag.Adn, PhonebookFileTag.Ext1, PhonebookFileTag.Email, PhonebookFileTag.Anr])
        {
            if (Find(tag) is { } file)
                files.Add(file);
        }
        if (Files.Any(f => f.Type == PbrFileType.Type2) && Find(PhonebookFileTag.Iap) is { } iap)
            files.Add(iap);
        return files;
    }

    /// <summary>
    /// The layout of this set from the files the card described (<see cref="LayoutFiles"/> that
    /// exist). EF_IAP belongs to the layout only when a file is type 2, and e-mail and additional
    /// number are type 2 only when EF_IAP exists.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="described"/> has no EF_ADN.</exception>
    public PhonebookLayout ToLayout(IReadOnlyDictionary<PhonebookFileTag, RecordFileInfo> described)
    {
        ArgumentNullException.ThrowIfNull(described);
        if (!described.TryGetValue(PhonebookFileTag.Adn, out var adn))
            throw new ArgumentException("the card's description of EF_ADN is needed", nameof(described));
        var iap = Files.Any(f => f.Type == PbrFileType.Type2) ? described.GetValueOrDefault(PhonebookFileTag.Iap) : null;
        return new PhonebookLayout(PhonebookDirectory.Phonebook, adn, described.GetValueOrDefault(PhonebookFileTag.Ext1),
            described.GetValueOrDefault(PhonebookFileTag.Email), described.GetValueOrDefault(PhonebookFileTag.Anr),
            $"DF_TELECOM/DF_PHONEBOOK 7F10/5F3A (EF_PBR record {Number.ToString(CultureInfo.InvariantCulture)})")
        {
            PbrRecord = Number,
            AdnSfi = AdnSfi,
            Iap = iap,
            EmailIapPosition = iap is null ? null : IapPosition(PhonebookFileTag.Email),
            AnrIapPosition = iap is null ? null : IapPosition(PhonebookFileTag.Anr),
        };
    }
}
