namespace CardKit.Iso7816;

/// <summary>Which specification's status word table applies.</summary>
public enum StatusWordContext
{
    /// <summary>ISO/IEC 7816-4:2020 §5.6, tables 5-6.</summary>
    Iso7816,

    /// <summary>GSM 11.11 §9.4 (class A0 SIM commands).</summary>
    Gsm,

    /// <summary>ETSI TS 102 221 §10.2 (UICC, USIM).</summary>
    Uicc,
}
