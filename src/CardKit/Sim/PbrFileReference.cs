namespace CardKit.Sim;

/// <summary>One file an EF_PBR record names: tag, type, file identifier and, when given, short file identifier.</summary>
/// <param name="Tag">Which phone book file.</param>
/// <param name="Type">Type 1, 2 or 3 (the template it is listed in).</param>
/// <param name="Fid">The file identifier in DF_PHONEBOOK.</param>
/// <param name="Sfi">The short file identifier (the optional third byte), or null.</param>
public readonly record struct PbrFileReference(PhonebookFileTag Tag, PbrFileType Type, ushort Fid, byte? Sfi);
