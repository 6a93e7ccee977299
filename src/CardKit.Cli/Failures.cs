using CardKit.Emulator;
using CardKit.Hosting;
using CardKit.Sim;
using CardKit.Pcsc;
using CardKit.Pkcs11;

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
            Chv1RequiredException pin => (ExitCode(pin.Category), pin.Message + " Give it with --pin-env VAR (or --pin)."),
            PinRefusedException { Reason: not PinRefusal.Blocked } refused => (ExitCode(refused.Category), refused.Message + " Use --force if you are sure."),
            SimBackupMismatchException { Mismatch: SimBackupMismatch.OtherCard } other => (ExitCode(other.Category), other.Message + "; use --other-card to restore it anyway"),
            PcscException pcsc => (ExitCode(pcsc.Category), pcsc.Message + Hint(pcsc.Error)),
            VpcdUnreachableException vpcd => (ExitCode(vpcd.Category), vpcd.Message + " In this repository: `scripts/pcscd.sh start`."),
            CardKitException known when Pkcs11Hint(known) is { } hint => (ExitCode(known.Category), known.Message + hint),
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

    // The p11 and tls commands' own options for what CardKit.Pkcs11 and CardKit.Hosting report.
    private static string? Pkcs11Hint(CardKitException e) => e switch
    {
        Pkcs11ModuleException { Failure: ModuleFailure.NotConfigured } => "; give --module PATH or set PKCS11_MODULE",
        Pkcs11Exception { Code: ReturnValue.PinLocked } => "; `cardkit p11 init-pin --token URI --so-pin-env VAR --new-pin-env VAR` does that (pkcs11-tool --init-pin)",
        PinRequiredException => ": pin-value= or pin-source= in the URI, --pin, or --pin-env",
        ObjectIdInUseException => "; choose another --id",
        _ => null,
    };

    public static int ExitCode(ErrorCategory category) => category switch
    {
        ErrorCategory.Usage => ExitCodes.Usage,
        ErrorCategory.Environment => ExitCodes.Environment,
        _ => ExitCodes.CardOrDataError,
    };
}
