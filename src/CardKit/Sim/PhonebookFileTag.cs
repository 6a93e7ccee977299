namespace CardKit.Sim;

/// <summary>The tags EF_PBR names phone book files with (3GPP TS 31.102 §4.4.2.1, Table 4.1).</summary>
#pragma warning disable CA1028 // The values are the tag bytes of the specification.
public enum PhonebookFileTag : byte
#pragma warning restore CA1028
{
    /// <summary>C0: EF_ADN, the abbreviated dialling numbers.</summary>
    Adn = 0xC0,

    /// <summary>C1: EF_IAP, the index administration file of type 2 files.</summary>
    Iap = 0xC1,

    /// <summary>C2: EF_EXT1, extension records for long numbers.</summary>
    Ext1 = 0xC2,

    /// <summary>C3: EF_SNE, second names.</summary>
    Sne = 0xC3,

    /// <summary>C4: EF_ANR, additional numbers.</summary>
    Anr = 0xC4,

    /// <summary>C5: EF_PBC, phone book control.</summary>
    Pbc = 0xC5,

    /// <summary>C6: EF_GRP, grouping.</summary>
    Grp = 0xC6,

    /// <summary>C7: EF_AAS, additional number alpha strings.</summary>
    Aas = 0xC7,

    /// <summary>C8: EF_GAS, grouping alpha strings.</summary>
    Gas = 0xC8,

    /// <summary>C9: EF_UID, unique identifiers.</summary>
    Uid = 0xC9,

    /// <summary>CA: EF_EMAIL, e-mail addresses.</summary>
    Email = 0xCA,

    /// <summary>CB: EF_CCP1, capability configuration parameters.</summary>
    Ccp1 = 0xCB,
}
