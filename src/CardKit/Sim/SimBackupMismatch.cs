namespace CardKit.Sim;

/// <summary>Why a backup does not fit the card it is restored to.</summary>
public enum SimBackupMismatch
{
    /// <summary>The backup was taken from another card (the ICCIDs differ). The caller may restore it anyway.</summary>
    OtherCard,

    /// <summary>The card has no file of that name.</summary>
    MissingFile,

    /// <summary>The card's file has another record length, or fewer records than the backup.</summary>
    FileShape,
}
