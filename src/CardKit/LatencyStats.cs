using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// Round-trip latency of APDUs, in microseconds: minimum, median, 99th percentile, maximum, mean and
/// the rate. <see cref="Measure"/> is the measuring loop (`cardkit send --repeat`): one response
/// buffer for the whole run, so the loop itself allocates nothing per APDU. In JSON: {apdus, minUs,
/// medianUs, p99Us, maxUs, meanUs, apdusPerSecond}, microseconds to the nanosecond.
/// </summary>
/// <param name="Count">How many APDUs were timed.</param>
/// <param name="Min">The fastest round trip.</param>
/// <param name="Median">The median round trip.</param>
/// <param name="P99">The 99th percentile (nearest rank).</param>
/// <param name="Max">The slowest round trip.</param>
/// <param name="Mean">The mean round trip.</param>
/// <param name="PerSecond">APDUs per second over the whole run, gaps included.</param>
public sealed record LatencyStats(
    [property: JsonPropertyName("apdus")] int Count,
    [property: JsonPropertyName("minUs")] double Min,
    [property: JsonPropertyName("medianUs")] double Median,
    [property: JsonPropertyName("p99Us")] double P99,
    [property: JsonPropertyName("maxUs")] double Max,
    [property: JsonPropertyName("meanUs")] double Mean,
    [property: JsonPropertyName("apdusPerSecond")] double PerSecond)
{
    /// <summary>How many responses had an error status word (<see cref="StatusWords.Classify(ReadOnlySpan{byte}, StatusWord)"/>).</summary>
    [JsonIgnore]
    public int Errors { get; init; }

    /// <summary>
    /// Sends every command of <paramref name="commands"/>, <paramref name="rounds"/> times over, through
    /// <paramref name="session"/> and times each round trip (T=0 GET RESPONSE included unless the session is raw).
    /// </summary>
    public static LatencyStats Measure(CardSession session, IReadOnlyList<byte[]> commands, int rounds)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfZero(commands.Count);
        var response = new byte[ICardChannel.MaxExtendedResponse];
        var latencies = new double[rounds * commands.Count];
        var errors = 0;
        var total = Stopwatch.StartNew();
        var k = 0;
        for (var i = 0; i < rounds; i++)
        {
            for (var c = 0; c < commands.Count; c++)
            {
                var apdu = commands[c];
                var start = Stopwatch.GetTimestamp();
                var length = session.Transmit(apdu, response);
                latencies[k++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                if (StatusWords.Classify(apdu, new StatusWord(response[length - 2], response[length - 1])) == StatusWordOutcome.Error)
                    errors++;
            }
        }
        total.Stop();
        return From(latencies, total.Elapsed) with { Errors = errors };
    }

    /// <summary>The statistics of <paramref name="microseconds"/> (one per APDU) over a run of <paramref name="total"/>.</summary>
    public static LatencyStats From(IReadOnlyCollection<double> microseconds, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(microseconds);
        ArgumentOutOfRangeException.ThrowIfZero(microseconds.Count);
        var sorted = microseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencyStats(sorted.Length, Us(sorted[0]), Us(At(0.5)), Us(At(0.99)), Us(sorted[^1]), Us(sorted.Average()),
            Math.Round(sorted.Length / total.TotalSeconds, 1));

        static double Us(double value) => Math.Round(value, 3);
    }

    /// <summary>One line: "N APDUs to READER: min ... us, median ..., p99 ..., max ..., mean ...; R APDUs/s".</summary>
    public string ToText(string readerName) => string.Create(CultureInfo.InvariantCulture,
        $"{Count} APDUs to {readerName}: min {Min:0.0} us, median {Median:0.0} us, p99 {P99:0.0} us, max {Max:0.0} us, mean {Mean:0.0} us; {PerSecond:0} APDUs/s");
}
