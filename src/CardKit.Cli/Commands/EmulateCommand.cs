using System.CommandLine;
using CardKit.Emulator;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit emulate sim|usim|iso`: plugs a virtual card into pcscd's vpcd reader until
/// interrupted. vpcd listens on every interface, not only loopback: on a shared network anyone
/// who reaches the port can attach a card.
/// </summary>
internal static class EmulateCommand
{
    public static Command Create(CliOutput output)
    {
        var kind = new Argument<string>("kind") { Description = "Card to emulate: sim (GSM SIM), usim (UICC with USIM), iso (ISO/IEC 7816-4 card)." };
        kind.AcceptOnlyFromAmong([.. VirtualCards.Kinds]);
        var port = new Option<int>("--port", "-p") { Description = "vpcd port: 35963 is 'Virtual PCD 00 00', 35964 is '... 00 01'.", DefaultValueFactory = _ => VpcdClient.DefaultPort };
        var host = new Option<string>("--host") { Description = "Host running pcscd with vpcd.", DefaultValueFactory = _ => "127.0.0.1" };
        var data = new Option<string?>("--data") { Description = "JSON card description (files, records, PINs) instead of the built-in data; see src/CardKit.Emulator/Data." };
        var command = new Command("emulate", "Run a virtual card in pcscd's vpcd reader until interrupted (Ctrl+C).") { kind, port, host, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var card = VirtualCards.Create(parse.GetValue(kind)!, parse.GetValue(data));
            var p = parse.GetValue(port);
            using var client = new VpcdClient(card, parse.GetValue(host)!, p, output.Error);
            client.Start();
            output.Out.WriteLine($"Virtual {card.Kind} card, ATR {Hex.Format(card.Atr.Span)}");
            output.Out.WriteLine($"Connecting to vpcd at {client.Host}:{p} ({ReaderName(p)}); Ctrl+C stops.");
            output.Out.Flush();
            try
            {
                await client.WaitConnectedAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                output.Out.WriteLine("Inserted: pcscd sees the card.");
                output.Out.Flush();
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            output.Out.WriteLine($"Stopped after {client.ApduCount} APDUs.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReaderName(int port) => port switch
    {
        35963 => "reader 'Virtual PCD 00 00'",
        35964 => "reader 'Virtual PCD 00 01'",
        _ => "the vpcd reader configured for this port",
    };
}
