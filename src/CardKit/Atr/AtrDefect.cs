namespace CardKit.Atr;

/// <summary>One defect with where it is and, for a wrong TCK, the value expected.</summary>
public sealed record AtrDefect(AtrDefectKind Kind, int Offset, string Message, byte? Expected = null)
{
    /// <summary>False for the informational kind (a raw inverse capture that was converted).</summary>
    public bool IsError => Kind != AtrDefectKind.ConvertedFromRawInverse;
}
