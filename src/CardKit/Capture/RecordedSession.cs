using System.Text;
using System.Text.Json;

namespace CardKit.Capture;

/// <summary>
/// The card side of a recorded session: the ATR and every command with its response, in order.
/// Loads a capture or a pcsc-spy log (decoded by <see cref="CcidSpy"/>), a `spy --format json`
/// output, or a JSON trace (<see cref="TraceEvent"/> lines): what a replay card plays back.
/// </summary>
public sealed class RecordedSession
{
    private RecordedSession(byte[] atr, List<RecordedExchange> exchanges, string device)
    {
        Atr = atr;
        Exchanges = exchanges;
        Device = device;
    }

    /// <summary>The ATR the card answered with (the first one recorded), empty when none was.</summary>
    public byte[] Atr { get; }

    /// <summary>Commands and responses in order.</summary>
    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    /// <summary>The device (BUS.DEVICE), thread or reader the exchanges come from.</summary>
    public string Device { get; }

    /// <summary>Reads a recording; with several devices, the first that exchanged APDUs unless <paramref name="device"/> names one.</summary>
    /// <exception cref="CardKitFormatException">The input is damaged, or holds no APDU exchange.</exception>
    public static RecordedSession Load(Stream stream, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var first = new byte[1];
        var read = stream.Read(first);
        if (read == 1 && first[0] == (byte)'{')
            return FromJsonLines(new PrefixedStream(first, stream), device);
        var messages = CcidSpy.Decode(new PrefixedStream(first.AsSpan(0, read).ToArray(), stream), new SpyOptions { ShowSecrets = true, Device = device });
        byte[]? atr = null;
        string? chosen = device;
        var exchanges = new List<RecordedExchange>();
        foreach (var m in messages)
        {
            if (chosen is not null && m.Device != chosen)
                continue;
            if (m.Atr is { } a && (atr is null || exchanges.Count == 0))
                atr = Convert.FromHexString(a.Hex);
            if (m.ResponseBytes is { } response && m.AnsweredCommand is { } command)
            {
                chosen ??= m.Device;
                exchanges.Add(new RecordedExchange(command, null, response, m.Frame));
            }
        }
        return Finish(atr, exchanges, chosen);
    }

    private static RecordedSession FromJsonLines(Stream stream, string? device)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        byte[]? atr = null;
        string? chosen = device;
        (byte[] Command, bool[]? Mask, long Line)? pending = null;
        var exchanges = new List<RecordedExchange>();
        var number = 0L;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new CaptureFormatException($"not a JSON line: {e.Message}", number, 0, "line", e);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new CaptureFormatException("a JSON line must be an object", number, 0, "line");
                var source = Text(root, "device") ?? Text(root, "reader") ?? "";
                if (chosen is not null && source != chosen)
                    continue;
                if (root.TryGetProperty("atr", out var atrElement))
                {
                    var hex = atrElement.ValueKind == JsonValueKind.String ? atrElement.GetString() : Text(atrElement, "hex");
                    if (hex is not null && (atr is null || exchanges.Count == 0))
                        atr = Convert.FromHexString(hex);
                }
                if (root.TryGetProperty("apdu", out var apdu) && Text(apdu, "hex") is { } commandHex)
                    pending = (Bytes(commandHex, out var mask), mask, number);
                if (root.TryGetProperty("response", out var response) && Text(response, "hex") is { } responseHex && pending is { } p)
                {
                    chosen ??= source;
                    exchanges.Add(new RecordedExchange(p.Command, p.Mask, Convert.FromHexString(responseHex), p.Line));
                    pending = null;
                }
            }
        }
        return Finish(atr, exchanges, chosen);
    }

    private static RecordedSession Finish(byte[]? atr, List<RecordedExchange> exchanges, string? device) => exchanges.Count == 0
        ? throw new CardKitFormatException("the recording holds no APDU exchange to replay" + (device is null ? "" : $" for '{device}'"))
        : new RecordedSession(atr ?? [], exchanges, device ?? "");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Compact hex where "**" stands for a byte the log masked.
    private static byte[] Bytes(string hex, out bool[]? mask)
    {
        mask = null;
        if (!hex.Contains('*', StringComparison.Ordinal))
            return Convert.FromHexString(hex);
        var bytes = new byte[hex.Length / 2];
        mask = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var pair = hex.AsSpan(i * 2, 2);
            if (pair is "**")
                mask[i] = true;
            else
                bytes[i] = Convert.FromHexString(pair)[0];
        }
        return bytes;
    }
}
