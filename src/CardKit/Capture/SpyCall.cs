namespace CardKit.Capture;

/// <summary>One PC/SC call from a pcsc-spy log: the function, its arguments as logged, its result and duration.</summary>
public sealed record SpyCall(string Function, string Result, string Code, double DurationMs, IReadOnlyList<string> Arguments);
