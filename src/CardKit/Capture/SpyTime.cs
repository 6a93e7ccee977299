namespace CardKit.Capture;

/// <summary>Capture timestamps as ISO 8601 UTC text with microseconds ("2024-05-01T12:00:00.123456Z").</summary>
public static class SpyTime
{
    [ThreadStatic]
    private static (long Nanoseconds, string Text) _last;

    /// <summary>Formats nanoseconds since 1970-01-01 UTC.</summary>
    public static string Format(long nanoseconds)
    {
        // Messages of one packet share its time: format it once.
        if (_last.Text is { } text && _last.Nanoseconds == nanoseconds)
            return text;
        text = Create(nanoseconds);
        _last = (nanoseconds, text);
        return text;
    }

    private static string Create(long nanoseconds)
    {
        var ticks = DateTime.UnixEpoch.Ticks + Math.Clamp(nanoseconds / 100, -DateTime.UnixEpoch.Ticks, DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks);
        var time = new DateTime(ticks, DateTimeKind.Utc);
        return string.Create(27, time, static (span, t) =>
        {
            Write(span, 0, t.Year, 4);
            span[4] = '-';
            Write(span, 5, t.Month, 2);
            span[7] = '-';
            Write(span, 8, t.Day, 2);
            span[10] = 'T';
            Write(span, 11, t.Hour, 2);
            span[13] = ':';
            Write(span, 14, t.Minute, 2);
            span[16] = ':';
            Write(span, 17, t.Second, 2);
            span[19] = '.';
            Write(span, 20, (int)(t.Ticks % TimeSpan.TicksPerSecond / 10), 6);
            span[26] = 'Z';
        });
    }

    private static void Write(Span<char> span, int at, int value, int digits)
    {
        for (var i = at + digits - 1; i >= at; i--)
        {
            span[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
