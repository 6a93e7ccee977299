namespace CardKit.Emulator;

/// <summary>
/// Where a replay first left the recording: the <see cref="Index"/>th command (1-based) was
/// <see cref="Actual"/> but the recording has <see cref="Expected"/> (null when it had ended).
/// </summary>
public sealed record ReplayDifference(int Index, string Actual, string? Expected, long? RecordedFrame)
{
    /// <summary>"command 3 differs from the recording: sent ..., recorded ... (frame 41)".</summary>
    public override string ToString() => Expected is null
        ? $"command {Index} goes beyond the recording ({Index - 1} exchanges): sent {Actual}"
        : $"command {Index} differs from the recording: sent {Actual}, recorded {Expected}" + (RecordedFrame is { } f ? $" (frame {f})" : "");
}
