using System.Diagnostics;
using CardKit.Testing.Captures;

namespace CardKit.Benchmarks;

/// <summary>
/// Live pipe latency of `cardkit spy -`: writes one packet at a time to its standard input and
/// times until the JSON line for it appears on standard output (the next packet is written only
/// then). Prints the median and the 99th percentile over the messages.
///   dotnet run -c Release --project bench/CardKit.Benchmarks -- spy-latency PATH_TO_CARDKIT [EXCHANGES]
/// </summary>
internal static class SpyLatency
{
    public static int Run(string[] args)
    {
        var cardkit = args[1];
        var exchanges = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        // Each message is two usbmon events: the one that carries the data ends the message.
        using var capture = new MemoryStream();
        var writer = new CaptureWriter(capture, CaptureContainer.PcapNg, 220);
        var r = new CcidCaptureBuilder(new UsbCaptureBuilder(writer, 220, 1, 5));
        r.Descriptor(features: 0x000404BE);
        var cuts = new List<(int Start, int End)>();
        var header = (int)capture.Length;
        byte seq = 0;
        for (var i = 0; i < exchanges; i++)
        {
            var before = (int)capture.Length;
            r.Send(0x6F, 0, seq, Convert.FromHexString("00B0000010"));
            cuts.Add((before, (int)capture.Length));
            before = (int)capture.Length;
            r.Receive(0x80, 0, seq++, Convert.FromHexString("000102030405060708090A0B0C0D0E0F9000"));
            cuts.Add((before, (int)capture.Length));
        }
        var bytes = capture.ToArray();
        using var process = Process.Start(new ProcessStartInfo(cardkit, ["spy", "-", "--format", "json"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        var stdin = process.StandardInput.BaseStream;
        stdin.Write(bytes, 0, header);
        stdin.Flush();
        process.StandardOutput.ReadLine(); // the CCID interface line
        var times = new List<double>(cuts.Count);
        foreach (var (start, end) in cuts)
        {
            var clock = Stopwatch.GetTimestamp();
            stdin.Write(bytes, start, end - start);
            stdin.Flush();
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("cardkit spy ended early");
            times.Add(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            if (!line.StartsWith("{\"frame\"", StringComparison.Ordinal))
                throw new InvalidOperationException("unexpected output: " + line);
        }
        process.StandardInput.Close();
        process.WaitForExit();
        times.Sort();
        Console.WriteLine($"live pipe: {times.Count} messages, packet written -> its line: median {times[times.Count / 2]:0.000} ms, p99 {times[times.Count * 99 / 100]:0.000} ms, max {times[^1]:0.000} ms");
        return 0;
    }
}
