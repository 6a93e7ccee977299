namespace CardKit.Sim;

/// <summary>Why a contact cannot be written as given.</summary>
public enum WriteProblemKind
{
    /// <summary>The record number the contact asks for is past the end of EF_ADN.</summary>
    RecordDoesNotExist,

    /// <summary>The record the contact asks for holds another entry, and overwriting was not allowed.</summary>
    RecordInUse,

    /// <summary>Two contacts ask for the same record.</summary>
    RecordGivenTwice,

    /// <summary>No free record is left (EF_ADN, EF_EXT1 or a type 2 file).</summary>
    NoFreeRecord,

    /// <summary>The name or a number cannot be coded into the record (too long, not dialling digits).</summary>
    CannotEncode,

    /// <summary>The card has no place for an e-mail address or additional number; the contact could be written without it.</summary>
    FieldNotHeld,
}
