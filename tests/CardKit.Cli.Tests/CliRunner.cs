namespace CardKit.Cli.Tests;

/// <summary>Runs `cardkit` in process with captured output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CardKitCli.Run(args, new CliOutput(stdout, stderr, color: false), TestContext.Current.CancellationToken);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
