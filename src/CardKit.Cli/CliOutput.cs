using Spectre.Console;

namespace CardKit.Cli;

/// <summary>
/// The Spectre.Console consoles, in their own type: a field of a Spectre type in CliOutput would
/// load Spectre.Console.dll with CliOutput itself, and `cardkit atr` races ATR_analysis on start-up.
/// </summary>
internal sealed class SpectreConsoles
{
    public IAnsiConsole? Out;
    public IAnsiConsole? Error;
}

/// <summary>
/// Where commands write: injected writers (tests capture them), colour only when the output is a
/// terminal and NO_COLOR (https://no-color.org) is not set. The Spectre.Console console is made
/// on first use so that plain-text commands do not pay for loading it at start-up.
/// </summary>
public sealed class CliOutput
{
    private object? _spectre; // SpectreConsoles, created on first use

    public CliOutput(TextWriter @out, TextWriter error, bool? color = null, TextReader? input = null)
    {
        Out = @out;
        Error = error;
        In = input ?? System.Console.In;
        Color = color ?? DetectColor(@out);
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>Where a command reads what the person types (PINs); tests inject it.</summary>
    public TextReader In { get; }

    /// <summary>True when <see cref="In"/> is a terminal: a secret is then read key by key without echo.</summary>
    public bool InputIsTerminal => In == System.Console.In && !System.Console.IsInputRedirected;

    /// <summary>True when <see cref="Error"/> is a terminal: progress is drawn there only then.</summary>
    public bool ErrorIsTerminal => Error == System.Console.Error && !System.Console.IsErrorRedirected;

    /// <summary>True when ANSI colour may be written to <see cref="Out"/>.</summary>
    public bool Color { get; }

    /// <summary>Spectre.Console over <see cref="Out"/> for tables and markup.</summary>
    public IAnsiConsole Console => Consoles().Out ??= Create(Out, Color);

    /// <summary>Spectre.Console over <see cref="Error"/> (progress bars, warnings).</summary>
    public IAnsiConsole ErrorConsole => Consoles().Error ??= Create(Error, Color && DetectColor(Error));

    private SpectreConsoles Consoles() => (SpectreConsoles)(_spectre ??= new SpectreConsoles());

    private void WriteJson(Action<System.Text.Json.Utf8JsonWriter> write, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
        {
            Indented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(w);
        }
        Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// Writes <paramref name="value"/> as one JSON document (indented) or one JSON line, with the
    /// library's source-generated <paramref name="type"/> (AOT-safe). Text is not escaped beyond
    /// JSON's rules, so names in any script stay readable.
    /// </summary>
    public void WriteJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(type);
        WriteJson(w => System.Text.Json.JsonSerializer.Serialize(w, value, type), indented);
    }

    private static IAnsiConsole Create(TextWriter writer, bool color) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    private static bool DetectColor(TextWriter writer)
    {
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR")))
            return false;
        if (writer == System.Console.Out)
            return !System.Console.IsOutputRedirected;
        if (writer == System.Console.Error)
            return !System.Console.IsErrorRedirected;
        return false;
    }
}
