using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>Electrical convention announced by TS (ISO/IEC 7816-3:2006 §8.1). In JSON: "direct" or "inverse".</summary>
public enum AtrConvention
{
    /// <summary>TS = 3B: high level is 1, least significant bit first.</summary>
    [JsonStringEnumMemberName("direct")]
    Direct,

    /// <summary>TS = 3F: low level is 1, most significant bit first.</summary>
    [JsonStringEnumMemberName("inverse")]
    Inverse,
}
