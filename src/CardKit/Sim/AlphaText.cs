namespace CardKit.Sim;

/// <summary>A decoded alpha identifier.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Coding">How the field was coded.</param>
public readonly record struct AlphaText(string Text, AlphaCoding Coding)
{
    /// <summary>The field broke the coding rules and was read as Latin-1 or ASCII (nothing dropped).</summary>
    public bool NonConforming => Coding is AlphaCoding.Latin1 or AlphaCoding.Ascii;
}
