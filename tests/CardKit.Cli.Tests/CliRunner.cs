namespace CardKit.Cli.Tests;

/// <summary>Runs `cardkit` in process with captured output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs with <paramref name="input"/> as what the person types (stdin).</summary>
    public static (int ExitCode, string Out, string Error) RunWithInput(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CardKitCli.Run(args, new CliOutput(stdout, stderr, color: false, input: new StringReader(input)), TestContext.Current.CancellationToken);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
