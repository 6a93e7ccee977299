namespace CardKit.Sim;

/// <summary>The directory that holds a set of phone book files.</summary>
public enum PhonebookDirectory
{
    /// <summary>DF_TELECOM (3F00/7F10): EF_ADN of a GSM SIM (GSM 11.11 §10.5), or of a USIM without EF_PBR.</summary>
    Telecom,

    /// <summary>DF_PHONEBOOK under DF_TELECOM (3F00/7F10/5F3A), the files EF_PBR names (3GPP TS 31.102 §4.4.2).</summary>
    Phonebook,
}
