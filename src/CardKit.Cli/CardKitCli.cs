using System.CommandLine;
using CardKit.Cli.Commands;

namespace CardKit.Cli;

/// <summary>The `cardkit` command tree and the one place that turns exceptions into exit codes.</summary>
public static class CardKitCli
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static int Run(string[] args, CliOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = BuildRoot(output);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output.Out, Error = output.Error };
        if (parse.Errors.Count > 0)
        {
            parse.Invoke(config);
            return ExitCodes.Usage;
        }
        try
        {
            return RunAsync(parse, config, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (Failures.TryDescribe(e, out var exitCode, out var message))
        {
            output.Error.WriteLine($"cardkit: {message}");
            return exitCode;
        }
    }

    /// <summary>Runs one command body with the same exception-to-exit-code rules as <see cref="Run"/>.</summary>
    public static int RunDirect(Func<int> body, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            return body();
        }
        catch (Exception e) when (Failures.TryDescribe(e, out var exitCode, out var message))
        {
            output.Error.WriteLine($"cardkit: {message}");
            return exitCode;
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, InvocationConfiguration config, CancellationToken cancellationToken)
    {
        // Exceptions must reach Run's handler, not System.CommandLine's default printer.
        config.EnableDefaultExceptionHandler = false;
        return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot(CliOutput output)
    {
        var root = new RootCommand("CardKit: smart-card toolkit (PC/SC, virtual cards, ATR, SIM, APDU spy, PKCS#11).");
        foreach (var command in CommandCatalog.Create(output))
            root.Subcommands.Add(command);
        return root;
    }
}
