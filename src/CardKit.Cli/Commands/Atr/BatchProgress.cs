using Spectre.Console;

namespace CardKit.Cli.Commands.Atr;

/// <summary>
/// A progress bar on stderr for `atr --batch FILE` (how far through the file, ATRs per second), drawn
/// only when stderr is a terminal and stdout is not (the JSON lines go to a file or a pipe). Its own
/// type, so that Spectre.Console is loaded only when a bar is drawn.
/// </summary>
internal static class BatchProgress
{
    /// <summary>Whether to draw: a file (its length is known), stderr a terminal, stdout redirected.</summary>
    public static bool Wanted(string file, CliOutput output) =>
        file != "-" && output.ErrorIsTerminal && Console.IsOutputRedirected && output.Out == Console.Out;

    /// <summary>Runs <paramref name="body"/> with a callback that reports how many bytes of <paramref name="length"/> are read.</summary>
    public static int Run(long length, string file, Func<Action<long>, int> body)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var result = 0;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: Math.Max(1, length));
                result = body(position => task.Value = position);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
