using CardKit.Emulator;
using CardKit.Hosting;
using CardKit.Pcsc;

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
            PcscException pcsc => (ExitCode(pcsc.Category), pcsc.Message + Hint(pcsc.Error)),
            VpcdUnreachableException vpcd => (ExitCode(vpcd.Category), vpcd.Message + " In this repository: `scripts/pcscd.sh start`."),
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

    private static string Hint(ScardError error) => error switch
    {
        ScardError.NoService => " Or use `--reader emu:sim` for the built-in virtual card (in this repository, `scripts/pcscd.sh start` starts pcscd with the vpcd readers).",
        ScardError.NoReadersAvailable => " Or use `--reader emu:sim` for the built-in virtual card.",
        ScardError.NoSmartcard or ScardError.RemovedCard => " Or start a virtual card with `cardkit emulate sim`.",
        ScardError.UnknownReader or ScardError.ReaderUnavailable => " `cardkit readers` lists the current ones.",
        _ => "",
    };

    public static int ExitCode(ErrorCategory category) => category switch
    {
        ErrorCategory.Usage => ExitCodes.Usage,
        ErrorCategory.Environment => ExitCodes.Environment,
        _ => ExitCodes.CardOrDataError,
    };
}
