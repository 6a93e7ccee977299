namespace CardKit.Hosting;

/// <summary>Why a reader designation named no reader.</summary>
public enum ReaderSelectionFailure
{
    /// <summary>pcscd runs but lists no reader.</summary>
    NoReaders,

    /// <summary>No designation was given and no reader holds a card.</summary>
    NoCard,

    /// <summary>The index is not that of a reader.</summary>
    IndexOutOfRange,

    /// <summary>No reader name contains the text.</summary>
    NoMatch,

    /// <summary>Several reader names contain the text.</summary>
    Ambiguous,

    /// <summary>"emu:" followed by a kind of virtual card that does not exist.</summary>
    UnknownVirtualCard,
}
