namespace CardKit.Emulator.FileSystem;

/// <summary>Who may read or update a file (GSM 11.11 §9.3 access conditions, simplified to what the cards use).</summary>
public enum AccessRule
{
    /// <summary>Anyone, no PIN needed (ALW).</summary>
    Always,
    /// <summary>After PIN1 (CHV1) is verified, or while it is disabled.</summary>
    Pin1,
    /// <summary>After PIN2 (CHV2) is verified, or while it is disabled.</summary>
    Pin2,
    /// <summary>Administrative key only; the virtual cards never grant it from outside.</summary>
    Adm,
    /// <summary>Nobody (NEV).</summary>
    Never,
}
