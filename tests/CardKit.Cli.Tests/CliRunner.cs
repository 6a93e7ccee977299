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

    /// <summary>Starts `cardkit` in process on another thread; stop it with <paramref name="cancellationToken"/>.</summary>
    public static (Task<int> ExitCode, LineWriter Out, LineWriter Error) Start(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new LineWriter();
        var stderr = new LineWriter();
        var run = Task.Run(() => CardKitCli.Run(args, new CliOutput(stdout, stderr, color: false), cancellationToken), CancellationToken.None);
        return (run, stdout, stderr);
    }
}
