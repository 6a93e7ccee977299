namespace CardKit.Atr;

/// <summary>How <see cref="AtrTextReport"/> lays out a report.</summary>
public sealed record AtrTextOptions
{
    /// <summary>Where the list came from, named in the identification lines (null: "the ATR list").</summary>
    public string? ListSource { get; init; }

    /// <summary>The base of the submission link for unknown ATRs (null: <see cref="AtrSubmission.DefaultBaseUrl"/>).</summary>
    public string? SubmitBaseUrl { get; init; }

    /// <summary>ANSI bold and red for the title and the defects; the host decides (a terminal, NO_COLOR).</summary>
    public bool Color { get; init; }

    /// <summary>Put before every line (scan indents the report under its event).</summary>
    public string Indent { get; init; } = "";
}
