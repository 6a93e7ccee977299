using System.Buffers;
using System.Text.Json;
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
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        // One writer reused for every line: each line is its own JSON document.
        using var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var bad = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
                continue;
            if (AtrParser.TryParse(text, out var atr))
            {
                JsonSerializer.Serialize(w, AtrReport.Create(atr!, list, explain: false), CardKitJsonContext.Default.AtrReport);
            }
            else
            {
                bad++;
                JsonSerializer.Serialize(w, new AtrBatchError(text, lineNumber, "not hex"), CardKitJsonContext.Default.AtrBatchError);
            }
            w.Flush();
            buffer.Write("\n"u8);
            w.Reset();
            if (buffer.WrittenCount > 60_000)
            {
                Flush(buffer, output);
                progress?.Invoke();
            }
        }
        Flush(buffer, output);
        return bad == 0 ? ExitCodes.Ok : ExitCodes.CardOrDataError;
    }

    private static void Flush(ArrayBufferWriter<byte> buffer, CliOutput output)
    {
        if (output.Out == Console.Out)
        {
            Console.Out.Flush();
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(buffer.WrittenSpan);
        }
        else
        {
            output.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        buffer.ResetWrittenCount();
    }
}
