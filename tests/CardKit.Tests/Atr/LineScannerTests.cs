using CardKit.Atr;
using FsCheck.Fluent;

namespace CardKit.Tests.Atr;

public class LineScannerTests
{
    [Fact]
    public void Lines_are_split_where_ReadLine_splits_them_whatever_the_buffer_size()
    {
        // Short texts over line breaks and a few letters; buffers from 1 character (every line
        // crosses a refill, '\r' and '\n' of one break land in two reads) to larger than the text.
        var texts = Gen.Elements("ab \t#\r\n".ToCharArray()).ArrayOf().Select(c => new string(c));
        var cases = texts.SelectMany(t => Gen.Choose(1, 40).Select(size => (Text: t, Size: size))).ToArbitrary();
        Properties.Check(cases, c => Scan(c.Text, c.Size).SequenceEqual(ReadLines(c.Text)));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_grows_it()
    {
        var line = new string('x', 100);
        Assert.Equal([line, "", "y"], Scan(line + "\r\n\ny", 8));
    }

    [Fact]
    public void Empty_input_has_no_line_and_a_final_break_adds_none()
    {
        Assert.Empty(Scan("", 4));
        Assert.Equal(["a"], Scan("a\n", 4));
        Assert.Equal(["a", ""], Scan("a\n\r", 4));
    }

    private static List<string> Scan(string text, int bufferSize)
    {
        var scanner = new LineScanner(new StringReader(text), bufferSize);
        var lines = new List<string>();
        while (scanner.TryReadLine(out var line))
            lines.Add(line.ToString());
        return lines;
    }

    private static List<string> ReadLines(string text)
    {
        using var reader = new StringReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return lines;
    }
}
