namespace CardKit.Emulator.FileSystem;

/// <summary>Status words a file system card answers with; GSM 11.11 and ISO/IEC 7816-4 differ.</summary>
public sealed record CardStatusWords(
    ushort FileNotFound,
    ushort NoCurrentEf,
    ushort OutOfRange,
    ushort RecordNotFound,
    ushort SecurityNotSatisfied,
    ushort PinBlocked,
    ushort Contradiction,
    ushort WrongStructure,
    ushort WrongParameters,
    ushort NoPendingData);
