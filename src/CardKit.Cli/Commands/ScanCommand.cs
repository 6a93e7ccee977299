using System.CommandLine;
using System.Globalization;
using CardKit.Atr;
using CardKit.Cli.Commands.Atr;
using CardKit.Pcsc;

namespace CardKit.Cli.Commands;

/// <summary>
/// `cardkit scan`: the pcsc_scan equivalent. Lists the readers, then prints every reader and card
/// event (PnP notification for readers; the monitor re-lists readers every few seconds as a polling
/// fallback) with the ATR decoded and identified; survives pcscd restarts.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliOutput output)
    {
        var noAnalysis = new Option<bool>("--no-analysis", "-n") { Description = "Do not decode or identify ATRs." };
        var readersOnly = new Option<bool>("--readers", "-r") { Description = "List the readers and exit." };
        var cardsOnly = new Option<bool>("--cards", "-c") { Description = "List the cards present and exit." };
        var seconds = new Option<double?>("--timeout", "-t") { Description = "Quit after this many seconds." };
        var json = CardOptions.Json();
        json.Description = "One JSON object per event, one per line.";
        var list = new Option<string?>("--list") { Description = "smartcard_list.txt to identify cards with." };
        var command = new Command("scan", "Watch readers and cards like pcsc_scan: every event with the ATR decoded and identified.") { noAnalysis, readersOnly, cardsOnly, seconds, json, list };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(readersOnly))
            {
                using var context = PcscContext.Establish();
                var names = context.ListReaders();
                for (var i = 0; i < names.Count; i++)
                    output.Out.WriteLine($"{i}: {names[i]}");
                return ExitCodes.Ok;
            }
            var analyse = !parse.GetValue(noAnalysis);
            var asJson = parse.GetValue(json);
            IReadOnlyList<ReaderSnapshot> present;
            using (var context = PcscContext.Establish()) // fails early and clearly when pcscd is not there
                present = context.GetReaderStates();
            var smartcardList = analyse ? AtrLists.Load(parse.GetValue(list), output) : null;
            if (parse.GetValue(cardsOnly))
            {
                foreach (var r in present.Where(r => r.CardPresent))
                    Print(output, new ReaderEvent(ReaderEventKind.CardInserted, r.Name, r.Atr, DateTimeOffset.Now), analyse, smartcardList, asJson);
                return ExitCodes.Ok;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(seconds) is { } s)
                stop.CancelAfter(TimeSpan.FromSeconds(s));
            var initial = true;
            try
            {
                await foreach (var e in new ReaderMonitor().WatchAsync(stop.Token).ConfigureAwait(false))
                {
                    if (!asJson && initial && e.Kind == ReaderEventKind.ReaderAdded)
                    {
                        output.Out.WriteLine("Scanning present readers...");
                        initial = false;
                    }
                    Print(output, e, analyse, smartcardList, asJson);
                    await output.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliOutput output, ReaderEvent e, bool analyse, SmartcardList? list, bool json)
    {
        AnswerToReset? atr = e.Kind == ReaderEventKind.CardInserted && e.Atr.Length > 0 ? AtrParser.Parse(e.Atr) : null;
        var analysis = atr is not null && analyse ? AtrReport.Create(atr, list) : null;
        if (json)
        {
            output.WriteJson(ReaderEventReport.Of(e, atr, analysis), PcscJsonContext.Default.ReaderEventReport, indented: false);
            return;
        }
        var time = e.Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var reader = e.ReaderName is null ? "" : $"{e.ReaderName}: ";
        output.Out.WriteLine(atr is null ? $"[{time}] {reader}{e.Description}" : $"[{time}] {reader}{e.Description}, ATR {atr}");
        if (analysis is not null)
            AtrTextReport.Write(output.Out, analysis, AtrLists.TextOptions(list?.Source, output, "    "));
    }
}
