namespace CardKit.Scripting;

/// <summary>One step of a script with the line it came from (1-based, the first line for continued lines).</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Line">The 1-based line it starts on.</param>
/// <param name="Command">The command APDU (empty for reset and exit).</param>
/// <param name="Expected">The expected response after '=', or null.</param>
public sealed record ScriptStep(ScriptStepKind Kind, int Line, byte[] Command, ResponsePattern? Expected);
