namespace CardKit.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The card or the data said no: error status word, mismatch, malformed input file, card removed.</summary>
    public const int CardOrDataError = 1;

    /// <summary>The command line is wrong: unknown option, malformed hex argument.</summary>
    public const int Usage = 2;

    /// <summary>The environment is missing something: no pcscd, no reader, no module.</summary>
    public const int Environment = 3;
}
