namespace CardKit.Atr;

/// <summary>A line of an ATR batch that is not an ATR. In JSON: {input, line, error}.</summary>
/// <param name="Input">The line's text, trimmed.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Error">What is wrong ("not hex").</param>
public sealed record AtrBatchError(string Input, int Line, string Error);
