using System.Text.Json;

namespace CardKit.Tests;

public class LatencyStatsTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_sorted_round_trips()
    {
        var microseconds = Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToArray();
        var stats = LatencyStats.From(microseconds, TimeSpan.FromSeconds(0.5));
        Assert.Equal(200, stats.Count);
        Assert.Equal(1, stats.Min);
        Assert.Equal(100, stats.Median);
        Assert.Equal(198, stats.P99);
        Assert.Equal(200, stats.Max);
        Assert.Equal(100.5, stats.Mean);
        Assert.Equal(400, stats.PerSecond);
    }

    [Fact]
    public void The_measuring_loop_times_every_APDU_and_counts_error_status_words()
    {
        var channel = new ScriptedChannel(
            ("00 A4 00 0C 02 3F 00", "90 00"), ("00 B0 00 00 00", "6A 82"),
            ("00 A4 00 0C 02 3F 00", "90 00"), ("00 B0 00 00 00", "6A 82"),
            ("00 A4 00 0C 02 3F 00", "90 00"), ("00 B0 00 00 00", "6A 82"));
        var stats = LatencyStats.Measure(new CardSession(channel), [Hex.Parse("00 A4 00 0C 02 3F 00"), Hex.Parse("00 B0 00 00 00")], 3);
        Assert.Equal(6, stats.Count);
        Assert.Equal(6, channel.Sent.Count);
        Assert.Equal(3, stats.Errors);
        Assert.True(stats.Min <= stats.Median && stats.Median <= stats.P99 && stats.P99 <= stats.Max);
        Assert.StartsWith("6 APDUs to scripted: min ", stats.ToText("scripted"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_has_the_send_repeat_fields_as_numbers()
    {
        var stats = LatencyStats.From([10.12345, 20, 30], TimeSpan.FromSeconds(1));
        var root = JsonDocument.Parse(JsonSerializer.Serialize(stats, CardKitJsonContext.Default.LatencyStats)).RootElement;
        Assert.Equal(["apdus", "minUs", "medianUs", "p99Us", "maxUs", "meanUs", "apdusPerSecond"], root.EnumerateObject().Select(p => p.Name));
        Assert.All(root.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        Assert.Equal(10.123, root.GetProperty("minUs").GetDouble());
        Assert.Equal(3, root.GetProperty("apdus").GetInt32());
    }

    [Fact]
    public void Measuring_nothing_is_a_misuse()
    {
        var session = new CardSession(new ScriptedChannel());
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyStats.Measure(session, [Hex.Parse("00 B0 00 00 00")], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyStats.Measure(session, [], 1));
    }
}
