namespace CardKit.Atr;

/// <summary>
/// One defect of an ATR as an <see cref="AtrReport"/> shows it. In JSON: {kind, offset, message,
/// expected}, <c>expected</c> (the right TCK in hex) only when known.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Offset">Offset of the byte concerned.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Expected">For a wrong TCK, the value it should have, in hex ("B7"); otherwise null.</param>
public sealed record AtrReportDefect(
    AtrDefectKind Kind,
    int Offset,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Expected)
{
    /// <summary>The report form of <paramref name="defect"/>.</summary>
    public static AtrReportDefect From(AtrDefect defect)
    {
        ArgumentNullException.ThrowIfNull(defect);
        return new AtrReportDefect(defect.Kind, defect.Offset, defect.Message, defect.Expected is { } e ? $"{e:X2}" : null);
    }

    /// <summary>False for informational kinds (a raw inverse capture that was converted).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsError => Kind != AtrDefectKind.ConvertedFromRawInverse;
}
