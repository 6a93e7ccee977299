namespace CardKit.Sim;

/// <summary>A backup that does not fit the card: another card's, or files the card does not have in that shape. Nothing was written.</summary>
public sealed class SimBackupMismatchException : CardKitException
{
    /// <summary>The backup does not fit for <paramref name="mismatch"/>; <paramref name="message"/> says how.</summary>
    public SimBackupMismatchException(SimBackupMismatch mismatch, string message, string backupIccid, string cardIccid, string? fileName = null)
        : base(ErrorCategory.CardOrData, message)
    {
        Mismatch = mismatch;
        BackupIccid = backupIccid;
        CardIccid = cardIccid;
        FileName = fileName;
    }

    /// <summary>What does not fit.</summary>
    public SimBackupMismatch Mismatch { get; }

    /// <summary>The ICCID of the card the backup was taken from.</summary>
    public string BackupIccid { get; }

    /// <summary>The ICCID of the card in the reader.</summary>
    public string CardIccid { get; }

    /// <summary>The file that does not fit, for <see cref="SimBackupMismatch.MissingFile"/> and <see cref="SimBackupMismatch.FileShape"/>.</summary>
    public string? FileName { get; }
}
