using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CardKit.Cli;

/// <summary>
/// JSON lines (one document per line, https://jsonlines.org) through a library's source-generated
/// type into one reused buffer; standard output gets the UTF-8 bytes directly, without a string per
/// line. Text is not escaped beyond JSON's rules, as in <see cref="CliOutput.WriteJson{T}"/>.
/// </summary>
internal sealed class JsonLines : IDisposable
{
    private const int FlushAt = 1 << 16;
    private readonly ArrayBufferWriter<byte> _buffer = new(2 * FlushAt);
    private readonly Utf8JsonWriter _writer;
    private readonly CliOutput _output;
    private readonly Stream? _stdout;

    public JsonLines(CliOutput output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        _stdout = output.Out == Console.Out ? Console.OpenStandardOutput() : null;
    }

    /// <summary>Appends one line; returns true when the buffer was written out (at once when <paramref name="flush"/>).</summary>
    public bool Write<T>(T value, JsonTypeInfo<T> type, bool flush = false)
    {
        JsonSerializer.Serialize(_writer, value, type);
        _writer.Flush();
        _writer.Reset();
        _buffer.Write("\n"u8);
        return (flush || _buffer.WrittenCount > FlushAt) && Flush();
    }

    /// <summary>Writes out what is buffered; false when there was nothing.</summary>
    public bool Flush()
    {
        if (_buffer.WrittenCount == 0)
            return false;
        if (_stdout is not null)
        {
            _output.Out.Flush();
            _stdout.Write(_buffer.WrittenSpan);
            _stdout.Flush();
        }
        else
        {
            _output.Out.Write(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _output.Out.Flush();
        }
        _buffer.ResetWrittenCount();
        return true;
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
        _stdout?.Dispose();
    }
}
