using Spectre.Console;

namespace CardKit.Cli.Commands.Sim;

/// <summary>
/// A Spectre.Console progress bar on stderr for long SIM work (a full phone book dump, `sim
/// write`), only when stderr is a terminal: never in pipes, never into captured output. Without
/// one, the work runs with no progress callback at all.
/// </summary>
internal static class SimProgress
{
    /// <summary>True when stdout goes to the terminal (lines written there would tear a live progress bar).</summary>
    public static bool OutIsTerminal(CliOutput output) => output.Out == Console.Out && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="work"/>, giving it a (done, total) callback that moves a bar when <paramref name="show"/> and stderr is a terminal.</summary>
    public static T Run<T>(CliOutput output, bool show, string description, Func<Action<int, int>?, T> work)
    {
        if (!show || !output.ErrorIsTerminal)
            return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output.Error),
            Ansi = AnsiSupport.Yes,
            ColorSystem = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ValueColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, autoStart: true, maxValue: 1);
                return work((done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                });
            });
    }

    /// <summary>"17/250": records done of all.</summary>
    private sealed class ValueColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(FormattableString.Invariant($"{task.Value:0}/{task.MaxValue:0}"));
    }
}
