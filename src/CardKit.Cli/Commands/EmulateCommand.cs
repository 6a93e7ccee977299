using System.CommandLine;
using CardKit.Capture;
using CardKit.Emulator;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit emulate sim|usim|iso`: plugs a virtual card into pcscd's vpcd reader until
/// interrupted. `cardkit emulate replay FILE` plays a recorded session back (a capture, a pcsc-spy
/// log, `spy --format json` output or a `--trace --json` log) and reports the first command that
/// differs from the recording. vpcd listens on every interface, not only loopback: on a shared network anyone
/// who reaches the port can attach a card.
/// </summary>
internal static class EmulateCommand
{
    public static Command Create(CliOutput output)
    {
        var kind = new Argument<string>("kind") { Description = "Card to emulate: sim (GSM SIM), usim (UICC with USIM), iso (ISO/IEC 7816-4 card), replay (a recorded session)." };
        kind.AcceptOnlyFromAmong([.. VirtualCards.Kinds, "replay"]);
        var recording = new Argument<string?>("file") { Description = "For replay: the capture, pcsc-spy log, spy JSON or --trace --json log to play back.", Arity = ArgumentArity.ZeroOrOne };
        var device = new Option<string?>("--device") { Description = "For replay: the device (BUS.DEVICE) or reader whose exchanges to play, when the recording has several." };
        var port = new Option<int>("--port", "-p") { Description = "vpcd port: 35963 is 'Virtual PCD 00 00', 35964 is '... 00 01'.", DefaultValueFactory = _ => VpcdClient.DefaultPort };
        var host = new Option<string>("--host") { Description = "Host running pcscd with vpcd.", DefaultValueFactory = _ => "127.0.0.1" };
        var data = new Option<string?>("--data") { Description = "JSON card description (files, records, PINs) instead of the built-in data; see src/CardKit.Emulator/Data." };
        var command = new Command("emulate", "Run a virtual card in pcscd's vpcd reader until interrupted (Ctrl+C).") { kind, recording, port, host, data, device };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(data) is { } dataPath && !File.Exists(dataPath))
                throw CliException.Usage($"card data '{dataPath}' not found");
            VirtualCard card = parse.GetValue(kind) == "replay"
                ? Replay(parse.GetValue(recording), parse.GetValue(device), output)
                : VirtualCards.Create(parse.GetValue(kind)!, parse.GetValue(data));
            var p = parse.GetValue(port);
            using var client = new VpcdClient(card, parse.GetValue(host)!, p, new TextWriterLogger(output.Error));
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
            if (card is ReplayCard replay)
            {
                output.Out.WriteLine(replay.FirstDifference is { } difference
                    ? $"The replay left the recording: {difference}"
                    : $"The replay followed the recording: {replay.Played} of {replay.Session.Exchanges.Count} exchanges played.");
                return replay.FirstDifference is null ? ExitCodes.Ok : ExitCodes.CardOrDataError;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ReplayCard Replay(string? path, string? device, CliOutput output)
    {
        if (path is null)
            throw CliException.Usage("emulate replay needs the recording: cardkit emulate replay FILE");
        RecordedSession session;
        try
        {
            using var stream = File.OpenRead(path);
            session = RecordedSession.Load(stream, device);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.Usage($"recording '{path}' not found");
        }
        var card = new ReplayCard(session);
        output.Out.WriteLine($"Replaying {session.Exchanges.Count} exchanges of {(session.Device.Length > 0 ? session.Device : path)}.");
        card.Diverged += difference =>
        {
            output.Error.WriteLine($"cardkit: {difference}");
            output.Error.Flush();
        };
        return card;
    }

    private static string ReaderName(int port) => port switch
    {
        35963 => "reader 'Virtual PCD 00 00'",
        35964 => "reader 'Virtual PCD 00 01'",
        _ => "the vpcd reader configured for this port",
    };
}
