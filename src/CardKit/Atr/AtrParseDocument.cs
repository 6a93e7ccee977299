using System.Text.Json.Serialization;

namespace CardKit.Atr;

/// <summary>
/// An ATR in the JSON shape of the public smartcard-atr service's <c>/V1/parse2json</c>, so that its
/// clients work against a self-hosted CardKit service unchanged: <c>atr</c> (byte values), <c>TS</c>
/// and <c>T0</c>, the interface bytes keyed by their index (<c>"TA": {"1": {...}}</c>), <c>hb</c>,
/// <c>hbn</c>, <c>TCK</c> (value -1 when absent), and <c>extra</c> and <c>warning</c> for a truncated
/// or too long ATR. CardKit's own, richer report is <see cref="AtrExplanation"/>'s.
/// </summary>
public sealed record AtrParseDocument
{
    /// <summary>Every byte of the ATR as given (after a raw inverse capture is converted).</summary>
    [JsonPropertyName("atr")]
    public required IReadOnlyList<int> Atr { get; init; }

    /// <summary>The initial character (ISO/IEC 7816-3:2006 §8.1).</summary>
    [JsonPropertyName("TS")]
    public required AtrFieldValue Ts { get; init; }

    /// <summary>The format byte, absent when the ATR stops after TS.</summary>
    [JsonPropertyName("T0")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AtrFieldValue? T0 { get; init; }

    /// <summary>TA1, TA2, ... keyed by the index as a string.</summary>
    [JsonPropertyName("TA")]
    public required IReadOnlyDictionary<string, AtrFieldValue> Ta { get; init; }

    /// <summary>TB1, TB2, ... keyed by the index as a string.</summary>
    [JsonPropertyName("TB")]
    public required IReadOnlyDictionary<string, AtrFieldValue> Tb { get; init; }

    /// <summary>TC1, TC2, ... keyed by the index as a string.</summary>
    [JsonPropertyName("TC")]
    public required IReadOnlyDictionary<string, AtrFieldValue> Tc { get; init; }

    /// <summary>TD1, TD2, ... keyed by the index as a string.</summary>
    [JsonPropertyName("TD")]
    public required IReadOnlyDictionary<string, AtrFieldValue> Td { get; init; }

    /// <summary>The historical bytes present and their decoding.</summary>
    [JsonPropertyName("hb")]
    public required AtrHistoricalValue Hb { get; init; }

    /// <summary>The number of historical bytes T0 announces (K).</summary>
    [JsonPropertyName("hbn")]
    public required int Hbn { get; init; }

    /// <summary>The check byte; value -1 when absent.</summary>
    [JsonPropertyName("TCK")]
    public required AtrFieldValue Tck { get; init; }

    /// <summary>Bytes after the end of the ATR, when there are any.</summary>
    [JsonPropertyName("extra")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Extra { get; init; }

    /// <summary>"ATR is truncated", "Extra bytes", ... when the ATR is not well formed.</summary>
    [JsonPropertyName("warning")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; init; }

    /// <summary>The document for <paramref name="atr"/>; a defective ATR gets what could be decoded and a warning.</summary>
    public static AtrParseDocument From(AnswerToReset atr)
    {
        ArgumentNullException.ThrowIfNull(atr);
        var lines = AtrExplanation.Explain(atr);
        string MeaningOf(string field) => lines.FirstOrDefault(l => l.Field == field)?.Meaning ?? "";
        var groups = new Dictionary<char, Dictionary<string, AtrFieldValue>> { ['A'] = [], ['B'] = [], ['C'] = [], ['D'] = [] };
        foreach (var b in atr.InterfaceBytes)
            groups[b.Letter][b.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new AtrFieldValue(b.Value, MeaningOf(b.Name));
        var historical = lines.Where(l => l.Depth > 0 && l.Offset >= atr.HistoricalOffset && l.Offset < atr.HistoricalOffset + atr.HistoricalLength)
            .Select(l => $"{l.Field}: {l.Meaning}").ToList();
        if (historical.Count == 0 && atr.HistoricalLength > 0)
            historical.Add(MeaningOf("Historical bytes"));
        var extra = atr.Defects.FirstOrDefault(d => d.Kind == AtrDefectKind.ExtraBytes) is { } e ? atr.Bytes[e.Offset..].Select(b => (int)b).ToList() : null;
        return new AtrParseDocument
        {
            Atr = [.. atr.Bytes.Select(b => (int)b)],
            Ts = new AtrFieldValue(atr.Ts, MeaningOf("TS")),
            T0 = atr.T0 is { } t0 ? new AtrFieldValue(t0, MeaningOf("T0")) : null,
            Ta = groups['A'],
            Tb = groups['B'],
            Tc = groups['C'],
            Td = groups['D'],
            Hb = new AtrHistoricalValue([.. atr.HistoricalBytes.ToArray().Select(b => (int)b)], historical),
            Hbn = atr.HistoricalCount,
            Tck = TckOf(atr),
            Extra = extra,
            Warning = WarningOf(atr),
        };
    }

    // ISO/IEC 7816-3:2006 §8.2.5: TCK makes the exclusive-or of T0..TCK zero.
    private static AtrFieldValue TckOf(AnswerToReset atr)
    {
        if (atr.Tck is { } tck)
        {
            return atr.Defects.FirstOrDefault(d => d.Kind == AtrDefectKind.TckWrong) is { Expected: { } expected }
                ? new AtrFieldValue(tck, $"WRONG CHECKSUM, expected 0x{expected:X2}")
                : new AtrFieldValue(tck, "correct checksum");
        }
        return atr.Defects.FirstOrDefault(d => d.Kind == AtrDefectKind.TckMissing) is { } missing
            ? new AtrFieldValue(-1, missing.Message)
            : new AtrFieldValue(-1, "absent (correct: only T=0 is indicated)");
    }

    private static string? WarningOf(AnswerToReset atr)
    {
        var warnings = new List<string>();
        if (atr.Defects.Any(d => d.Kind is AtrDefectKind.MissingInterfaceByte or AtrDefectKind.HistoricalTruncated or AtrDefectKind.TckMissing))
            warnings.Add("ATR is truncated");
        if (atr.Defects.Any(d => d.Kind == AtrDefectKind.ExtraBytes))
            warnings.Add("Extra bytes");
        if (atr.Defects.Any(d => d.Kind == AtrDefectKind.TooLong))
            warnings.Add("ATR is too long");
        if (atr.Defects.Any(d => d.Kind == AtrDefectKind.InvalidTs))
            warnings.Add("Invalid TS");
        return warnings.Count == 0 ? null : string.Join("; ", warnings);
    }
}
