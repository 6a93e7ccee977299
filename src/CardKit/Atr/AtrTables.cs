using System.Globalization;

namespace CardKit.Atr;

/// <summary>The ISO/IEC 7816-3:2006 tables the ATR refers to.</summary>
public static class AtrTables
{
    // §8.3 Table 7: Fi and f(max) in MHz; null = RFU.
    private static readonly int?[] FiValues = [372, 372, 558, 744, 1116, 1488, 1860, null, null, 512, 768, 1024, 1536, 2048, null, null];
    private static readonly double?[] FmaxValues = [4, 5, 6, 8, 12, 16, 20, null, null, 5, 7.5, 10, 15, 20, null, null];

    // §8.3 Table 8: Di; null = RFU.
    private static readonly int?[] DiValues = [null, 1, 2, 4, 8, 16, 32, 64, 12, 20, null, null, null, null, null, null];

    /// <summary>The clock rate conversion integer Fi for the high nibble of TA1 (ISO/IEC 7816-3:2006 §8.3 Table 7); null when RFU.</summary>
    public static int? Fi(int index) => FiValues[index & 0x0F];

    /// <summary>The maximum clock frequency in MHz for the high nibble of TA1 (§8.3 Table 7); null when RFU.</summary>
    public static double? Fmax(int index) => FmaxValues[index & 0x0F];

    /// <summary>The baud rate adjustment integer Di for the low nibble of TA1 (§8.3 Table 8); null when RFU.</summary>
    public static int? Di(int index) => DiValues[index & 0x0F];

    /// <summary>What TA1 means: Fi, Di, f(max), cycles per ETU and bit rates at 4 MHz and at f(max); in English.</summary>
    public static string DescribeTa1(byte ta1) => DescribeTa1(ta1, AtrText.English);

    /// <summary>What TA1 means, in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public static string DescribeTa1(byte ta1, CultureInfo culture) => DescribeTa1(ta1, AtrText.For(culture));

    internal static string DescribeTa1(byte ta1, DecoderText text)
    {
        var fi = Fi(ta1 >> 4);
        var di = Di(ta1 & 0x0F);
        var fmax = Fmax(ta1 >> 4);
        // Table 7 gives f(max) exactly where it gives Fi.
        if (fi is null || di is null || fmax is null)
            return string.Create(CultureInfo.InvariantCulture, $"Fi={(fi?.ToString(CultureInfo.InvariantCulture) ?? "RFU")}, Di={(di?.ToString(CultureInfo.InvariantCulture) ?? "RFU")}");
        var etu = (double)fi.Value / di.Value;
        return text.Format("Ta1", fi.Value, di.Value, etu, 4_000_000 / etu, fmax.Value, fmax.Value * 1_000_000 / etu);
    }

    /// <summary>§8.3 Table 9 (T=15 TA): class indicator y1..y6 = A (5 V), B (3 V), C (1.8 V); in English.</summary>
    public static string SupplyClasses(byte ta) => SupplyClasses(ta, AtrText.English);

    /// <summary>The supply classes of <see cref="SupplyClasses(byte)"/> in the language of <paramref name="culture"/>.</summary>
    public static string SupplyClasses(byte ta, CultureInfo culture) => SupplyClasses(ta, AtrText.For(culture));

    internal static string SupplyClasses(byte ta, DecoderText text)
    {
        var classes = new List<string>(3);
        if ((ta & 0x01) != 0) classes.Add(text["ClassA"]);
        if ((ta & 0x02) != 0) classes.Add(text["ClassB"]);
        if ((ta & 0x04) != 0) classes.Add(text["ClassC"]);
        return classes.Count == 0 ? text["ClassNone"] : string.Join(", ", classes);
    }

    /// <summary>§8.3: clock stop indicator X in TA for T=15 (bits 8-7); in English.</summary>
    public static string ClockStop(byte ta) => ClockStop(ta, AtrText.English);

    /// <summary>The clock stop indicator of <see cref="ClockStop(byte)"/> in the language of <paramref name="culture"/>.</summary>
    public static string ClockStop(byte ta, CultureInfo culture) => ClockStop(ta, AtrText.For(culture));

    internal static string ClockStop(byte ta, DecoderText text) => text[(ta >> 6) switch
    {
        0 => "ClockStopNo",
        1 => "ClockStopLow",
        2 => "ClockStopHigh",
        _ => "ClockStopAny",
    }];
}
