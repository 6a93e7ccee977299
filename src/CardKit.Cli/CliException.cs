namespace CardKit.Cli;

/// <summary>A failure a command reports to the user with a chosen exit code; the message is the whole story.</summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? inner = null) : base(message, inner)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
    public static CliException Environment(string message) => new(ExitCodes.Environment, message);
    public static CliException CardOrData(string message) => new(ExitCodes.CardOrDataError, message);
}
