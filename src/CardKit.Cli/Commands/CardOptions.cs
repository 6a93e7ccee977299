using System.CommandLine;
using CardKit.Hosting;

namespace CardKit.Cli.Commands;

/// <summary>Options every card command shares.</summary>
internal sealed class CardOptions
{
    public Option<string?> Reader { get; } = new("--reader", "-r")
    {
        Description = "Reader: index, name or a unique part of it, or emu:sim / emu:usim / emu:iso for a built-in in-process virtual card. Default: the first reader with a card.",
    };

    public Option<bool> Trace { get; } = new("--trace")
    {
        Description = "Print every APDU exchange (command, response, elapsed time) to stderr; PINs are masked. With --json, as JSON lines (what `emulate replay` plays back).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Reader);
        command.Options.Add(Trace);
    }

    /// <summary>Opens the card --reader names, traced to stderr with --trace.</summary>
    public ICardChannel Open(ParseResult parse, CliOutput output)
    {
        var channel = CardReaders.Open(parse.GetValue(Reader));
        if (!parse.GetValue(Trace))
            return channel;
        if (!JsonRequested(parse))
            return new TracingChannel(channel, new TextTraceObserver(output.Error));
        var json = new JsonTraceObserver(output.Error);
        json.OnConnect(channel.ReaderName, channel.Atr.Span);
        return new TracingChannel(channel, json);
    }

    // The command's own --json, when it has one, makes the trace JSON lines too.
    private static bool JsonRequested(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--json") is Option<bool> json && parse.GetValue(json);

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON on stdout." };
}
