using System.CommandLine;
using CardKit.Atr;
using CardKit.Capture;
using CardKit.Hosting;
using CardKit.Iso7816;

namespace CardKit.Cli.Commands.Spy;

/// <summary>
/// `cardkit spy FILE|-`: decodes USB CCID and ISO 7816 from a usbmon/USBPcap capture (pcap or
/// pcapng) or a pcsc-spy log. `-` reads standard input and writes each line as soon as its packet
/// is decoded (`tcpdump -i usbmon1 -w - | cardkit spy -`). A damaged capture: everything before
/// the damage is printed, then the error (exit 1).
/// </summary>
internal static class SpyCommand
{
    public static Command Create(CliOutput output)
    {
        var file = new Argument<string>("file") { Description = "Capture (pcap, pcapng: usbmon or USBPcap) or pcsc-spy log; - for standard input." };
        var format = new Option<string>("--format", "-f") { Description = "text (one block per exchange) or json (one object per CCID message).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var device = new Option<string?>("--device") { Description = "Only this USB device, as BUS.DEVICE (lsusb numbering), e.g. 1.5." };
        var apduOnly = new Option<bool>("--apdu-only") { Description = "Only the APDUs and responses." };
        var showPins = new Option<bool>("--show-pins") { Description = "Show PINs sent in clear (VERIFY, CHANGE REFERENCE DATA ...) instead of masking them." };
        var list = new Option<string?>("--list") { Description = "smartcard_list.txt to identify ATRs (default: the one pcsc-tools installs)." };
        var aids = new Option<string?>("--aids") { Description = "File of 'HEX name' lines naming more AIDs in SELECT commands." };
        var command = new Command("spy", "Decode USB CCID and ISO 7816 from a usbmon/USBPcap capture or a pcsc-spy log.")
        {
            file, format, device, apduOnly, showPins, list, aids,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var options = new SpyOptions
            {
                ShowSecrets = parse.GetValue(showPins),
                Device = parse.GetValue(device),
                Cards = LoadList(parse.GetValue(list)),
                Aids = LoadAids(parse.GetValue(aids)),
            };
            var live = path == "-";
            Stream input;
            try
            {
                input = live ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw CliException.Usage($"capture '{path}' not found");
            }
            using (input)
            {
                // A file is decoded on one core while its lines are written on the other; a live
                // pipe stays on one thread so that each line leaves as soon as its packet arrives.
                var messages = live ? CcidSpy.Decode(input, options) : ReadAhead.Of(CcidSpy.Decode(input, options));
                if (parse.GetValue(format) == "json")
                    WriteJson(messages, output, live, parse.GetValue(apduOnly));
                else
                    WriteText(messages, output, live, options, parse.GetValue(apduOnly));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SmartcardList? LoadList(string? path)
    {
        if (path is not null)
            return File.Exists(path) ? SmartcardListFiles.Load(path) : throw CliException.Usage($"ATR list '{path}' not found");
        return SmartcardListFiles.FindDefault() is { } found ? SmartcardListFiles.Load(found) : null;
    }

    private static AidTable? LoadAids(string? path)
    {
        if (path is null)
            return null;
        if (!File.Exists(path))
            throw CliException.Usage($"AID table '{path}' not found");
        using var reader = new StreamReader(path);
        return AidTable.Default.Extend(reader);
    }

    private static void WriteText(IEnumerable<SpyMessage> messages, CliOutput output, bool live, SpyOptions options, bool apduOnly)
    {
        var formatter = new SpyTextFormatter(output.Out, options.ShowSecrets, apduOnly, options.Aids);
        try
        {
            foreach (var message in messages)
            {
                formatter.Write(message);
                if (live)
                    output.Out.Flush();
            }
        }
        finally
        {
            output.Out.Flush();
        }
    }

    private static void WriteJson(IEnumerable<SpyMessage> messages, CliOutput output, bool live, bool apduOnly)
    {
        using var lines = new JsonLines(output);
        foreach (var message in messages)
        {
            if (apduOnly && message.Apdu is null && message.Response is null)
                continue;
            lines.Write(message, CardKitJsonContext.Default.SpyMessage, flush: live);
        }
    }
}
