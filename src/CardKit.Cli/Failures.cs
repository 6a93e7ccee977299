namespace CardKit.Cli;

/// <summary>
/// Maps exceptions from the libraries to an exit code and a message a person can act on.
/// Libraries write the "what and why" into their messages; this only picks the exit code.
/// </summary>
internal static class Failures
{
    private static readonly List<Func<Exception, (int ExitCode, string Message)?>> Rules =
    [
        e => e is CliException cli ? (cli.ExitCode, cli.Message) : null,
        e => e is Pcsc.PcscServiceException or Pcsc.PcscReaderException or Pcsc.PcscReaderBusyException ? (ExitCodes.Environment, e.Message) : null,
        e => e is CardKitFormatException ? (ExitCodes.CardOrDataError, e.Message) : null,
        e => e is CardKit.Pkcs11.Pkcs11ModuleException ? (ExitCodes.Environment, e.Message) : null,
        e => e is CardKit.Pkcs11.Pkcs11Exception ? (ExitCodes.CardOrDataError, e.Message) : null,
        e => e is CardChannelException ? (ExitCodes.CardOrDataError, e.Message) : null,
        e => e is CardStatusException ? (ExitCodes.CardOrDataError, e.Message) : null,
        e => e is OperationCanceledException ? (130, "cancelled") : null,
    ];

    /// <summary>Adds a rule; more specific rules go first.</summary>
    public static void Register(Func<Exception, (int ExitCode, string Message)?> rule) => Rules.Insert(0, rule);

    public static bool TryDescribe(Exception e, out int exitCode, out string message)
    {
        foreach (var rule in Rules)
        {
            if (rule(e) is { } described)
            {
                (exitCode, message) = described;
                return true;
            }
        }
        (exitCode, message) = (0, "");
        return false;
    }
}
