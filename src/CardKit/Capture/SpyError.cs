namespace CardKit.Capture;

/// <summary>bError of a failed CCID command (CCID Rev 1.1 §6.2.6 Table 6.2-2): the code, its name and meaning.</summary>
public sealed record SpyError(int Code, string Name, string Meaning);
