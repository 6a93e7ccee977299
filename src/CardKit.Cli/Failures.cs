using CardKit.Hosting;
using CardKit.Sim;

namespace CardKit.Cli;

/// <summary>
/// Maps exceptions to an exit code and a message a person can act on. Libraries say what happened
/// and why, with a category; this picks the exit code from the category and adds the hints that
/// name the CLI's own options.
/// </summary>
internal static class Failures
{
    public static bool TryDescribe(Exception e, out int exitCode, out string message)
    {
        (exitCode, message) = e switch
        {
            CliException cli => (cli.ExitCode, cli.Message),
            ReaderSelectionException selection => (ExitCode(selection.Category), selection.Message + Hint(selection.Failure)),
            PinRequiredException pin => (ExitCode(pin.Category), pin.Message + " Give it with --pin-env VAR (or --pin)."),
            PinRefusedException { Reason: not PinRefusal.Blocked } refused => (ExitCode(refused.Category), refused.Message + " Use --force if you are sure."),
            SimBackupMismatchException { Mismatch: SimBackupMismatch.OtherCard } other => (ExitCode(other.Category), other.Message + "; use --other-card to restore it anyway"),
            CardKitException known => (ExitCode(known.Category), known.Message),
            OperationCanceledException => (130, "cancelled"),
            _ => (0, ""),
        };
        if (exitCode == ExitCodes.Environment)
            message = $"{message.TrimEnd().TrimEnd('.')}; {DoctorHint}";
        return exitCode != 0;
    }

    /// <summary>How every environment failure (exit code 3) ends: the command that finds the cause.</summary>
    public const string DoctorHint = "run 'cardkit doctor' for details";

    private static string Hint(ReaderSelectionFailure failure) => failure switch
    {
        ReaderSelectionFailure.NoReaders => ". Plug one in, start a virtual card (`cardkit emulate sim`), or use `--reader emu:sim`.",
        ReaderSelectionFailure.NoCard => ". Insert one, start `cardkit emulate sim`, or use `--reader emu:sim`.",
        ReaderSelectionFailure.IndexOutOfRange => "; `cardkit readers` lists them",
        _ => "",
    };

    public static int ExitCode(ErrorCategory category) => category switch
    {
        ErrorCategory.Usage => ExitCodes.Usage,
        ErrorCategory.Environment => ExitCodes.Environment,
        _ => ExitCodes.CardOrDataError,
    };
}
