using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>Which application model the card speaks. JSON: "gsm" or "usim".</summary>
public enum SimKind
{
    /// <summary>GSM 11.11 SIM, class A0.</summary>
    [JsonStringEnumMemberName("gsm")]
    Gsm,

    /// <summary>UICC (ETSI TS 102 221), class 00, with the USIM application (3GPP TS 31.102).</summary>
    [JsonStringEnumMemberName("usim")]
    Usim,
}
