namespace CardKit.Capture;

/// <summary>bStatus of a CCID response (CCID Rev 1.1 §6.2.6): the ICC status and the command status.</summary>
public sealed record SpyStatus(int Value, string Icc, string Command);
