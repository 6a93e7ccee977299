namespace CardKit.Sim;

/// <summary>
/// Reads the entries of one set of phone book files: each ADN record once, EXT1 chains (cached:
/// chains share records), and the e-mail and additional number of TS 31.102 §4.4.2 (type 1 by
/// record number, type 2 through EF_IAP), going back to EF_ADN after each detour.
/// </summary>
internal sealed class PhonebookReader(SimFileSelector files)
{
    private readonly Dictionary<(ushort Fid, byte Id), byte[]> _ext1Cache = [];

    /// <summary>The entries of <paramref name="layout"/>; <paramref name="iap"/> holds EF_IAP's records when a companion is type 2.</summary>
    public IEnumerable<PhonebookEntry> ReadSet(PhonebookLayout layout, List<byte[]>? iap, Action<int, int>? progress, bool includeEmpty)
    {
        if (files.CurrentEf != layout.Adn.Fid)
        {
            files.SelectDirectory(layout.Directory);
            files.Select(layout.Adn.Name, layout.Adn.Fid);
        }
        for (var i = 1; i <= layout.Adn.RecordCount; i++)
        {
            var record = files.ReadRecord(layout.Adn, i);
            progress?.Invoke(i, layout.Adn.RecordCount);
            var adn = AdnRecord.Decode(i, record, id => Ext1(layout, id));
            if (adn.IsEmpty && !includeEmpty)
                continue;
            string? email = null, anr = null;
            AlphaCoding? emailCoding = null;
            if (!adn.IsEmpty)
            {
                var links = iap is not null && i <= iap.Count ? iap[i - 1] : null;
                if (Companion(layout, layout.Email, layout.EmailIapPosition, links, i) is { } emailRecord)
                {
                    var text = AlphaIdentifier.DecodeEmail(emailRecord);
                    email = NullIfEmpty(text.Text);
                    emailCoding = email is null ? null : text.Coding;
                }
                if (Companion(layout, layout.Anr, layout.AnrIapPosition, links, i) is { } anrRecord)
                    anr = NullIfEmpty(AdnRecord.Decode(i, anrRecord).DisplayNumber);
            }
            yield return new PhonebookEntry(adn, email, anr) { Set = layout.PbrRecord, EmailCoding = emailCoding };
        }
    }

    /// <summary>Keeps the cache true after an EF_EXT1 record was written.</summary>
    public void Remember(RecordFileInfo ext1, int record, byte[] bytes) => _ext1Cache[(ext1.Fid, (byte)record)] = bytes;

    private byte[]? Ext1(PhonebookLayout layout, byte id)
    {
        if (layout.Ext1 is not { } ext || id == 0 || id > ext.RecordCount)
            return null;
        if (!_ext1Cache.TryGetValue((ext.Fid, id), out var record))
        {
            files.Select(ext.Name, ext.Fid);
            record = files.ReadRecord(ext, id);
            _ext1Cache[(ext.Fid, id)] = record;
            files.Select(layout.Adn.Name, layout.Adn.Fid);
        }
        return record;
    }

    // The companion record of ADN record `adnRecord` (TS 31.102 §4.4.2: EF_IAP, EF_ANR, EF_EMAIL).
    // Type 1: the same record number. Type 2: the record EF_IAP names ('00' or 'FF': none),
    // without the ADN SFI and ADN record identifier that end every type 2 record.
    private byte[]? Companion(PhonebookLayout layout, RecordFileInfo? file, int? iapPosition, byte[]? links, int adnRecord)
    {
        if (file is null)
            return null;
        if (iapPosition is not { } position)
            return adnRecord <= file.RecordCount ? ReadCompanion(layout, file, adnRecord) : null;
        if (links is null || position >= links.Length || links[position] is 0x00 or 0xFF || links[position] > file.RecordCount || file.RecordLength < 3)
            return null;
        return ReadCompanion(layout, file, links[position])[..^2];
    }

    // Reads record `number` of a companion file and goes back to EF_ADN.
    private byte[] ReadCompanion(PhonebookLayout layout, RecordFileInfo file, int number)
    {
        files.Select(file.Name, file.Fid);
        var record = files.ReadRecord(file, number);
        files.Select(layout.Adn.Name, layout.Adn.Fid);
        return record;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
