namespace CardKit.Iso7816;

/// <summary>What a command APDU is: the command name from INS, what the class byte says, and a short parameter explanation.</summary>
public sealed record ApduDescription(string Name, string Class, string Parameters)
{
    /// <summary>"SELECT (by DF name) [ISO, channel 0]".</summary>
    public override string ToString() => Parameters.Length == 0 ? $"{Name} [{Class}]" : $"{Name} ({Parameters}) [{Class}]";
}
