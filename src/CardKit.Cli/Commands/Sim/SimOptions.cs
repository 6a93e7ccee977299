using System.CommandLine;
using CardKit.Sim;

namespace CardKit.Cli.Commands.Sim;

/// <summary>PIN options shared by the sim commands. The PIN is never printed (traces mask VERIFY).</summary>
internal sealed class SimOptions
{
    public CardOptions Card { get; } = new();

    public Option<string?> Pin { get; } = new("--pin") { Description = "CHV1/PIN1 (4-8 digits). Prefer --pin-env: command lines are visible to other users." };

    public Option<string?> PinEnv { get; } = new("--pin-env") { Description = "Name of an environment variable holding the PIN." };

    public Option<bool> Force { get; } = new("--force") { Description = "Try the PIN even when only one attempt is left (a wrong PIN then blocks the card)." };

    public void AddTo(Command command)
    {
        Card.AddTo(command);
        command.Options.Add(Pin);
        command.Options.Add(PinEnv);
        command.Options.Add(Force);
    }

    /// <summary>Opens the card, detects SIM/USIM and verifies the PIN when one was given (<see cref="SimSession.Open(ICardChannel, string?, bool)"/>).</summary>
    public (ICardChannel Channel, SimSession Sim) Open(ParseResult parse, CliOutput output)
    {
        var pin = parse.GetValue(Pin);
        if (parse.GetValue(PinEnv) is { } variable)
            pin = Environment.GetEnvironmentVariable(variable) ?? throw CliException.Usage($"--pin-env: the environment variable {variable} is not set");
        var channel = Card.Open(parse, output);
        try
        {
            return (channel, SimSession.Open(channel, pin, parse.GetValue(Force)));
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }
}
