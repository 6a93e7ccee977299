using CardKit.Atr;

namespace CardKit.Cli.Commands.Atr;

/// <summary>`cardkit atr --batch`: streams ATRs in, one compact JSON object per line out (no byte-by-byte explanation).</summary>
internal static class AtrBatch
{
    public static int Run(string file, string? listPath, CliOutput output)
    {
        var list = AtrLists.Load(listPath, output);
        TextReader reader;
        try
        {
            reader = file == "-" ? Console.In : new StreamReader(file);
        }
        catch (FileNotFoundException)
        {
            throw CliException.Usage($"batch file '{file}' not found");
        }
        using (reader)
        {
            if (reader is StreamReader { BaseStream.CanSeek: true } stream && BatchProgress.Wanted(file, output))
                return BatchProgress.Run(stream.BaseStream.Length, file, progress => Decode(reader, list, output, () => progress(stream.BaseStream.Position)));
            return Decode(reader, list, output, null);
        }
    }

    private static int Decode(TextReader reader, SmartcardList? list, CliOutput output, Action? progress)
    {
        using var lines = new JsonLines(output);
        var bad = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
                continue;
            bool flushed;
            if (AtrParser.TryParse(text, out var atr))
            {
                flushed = lines.Write(AtrReport.Create(atr!, list, explain: false), CardKitJsonContext.Default.AtrReport);
            }
            else
            {
                bad++;
                flushed = lines.Write(new AtrBatchError(text, lineNumber, "not hex"), CardKitJsonContext.Default.AtrBatchError);
            }
            if (flushed)
                progress?.Invoke();
        }
        return bad == 0 ? ExitCodes.Ok : ExitCodes.CardOrDataError;
    }
}
