namespace CardKit.Capture;

/// <summary>
/// One recorded command and its response. <see cref="Mask"/> marks command bytes the recording
/// hid (a masked PIN, "**" in the log): any value matches there.
/// </summary>
public sealed record RecordedExchange(byte[] Command, bool[]? Mask, byte[] Response, long Frame)
{
    /// <summary>True when <paramref name="command"/> is the recorded command (masked bytes match anything).</summary>
    public bool Matches(ReadOnlySpan<byte> command)
    {
        if (command.Length != Command.Length)
            return false;
        for (var i = 0; i < command.Length; i++)
        {
            if (command[i] != Command[i] && Mask?[i] != true)
                return false;
        }
        return true;
    }

    /// <summary>The command in spaced hex, masked bytes as "**".</summary>
    public string CommandText() => string.Join(' ', Command.Select((b, i) => Mask?[i] == true ? "**" : b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
