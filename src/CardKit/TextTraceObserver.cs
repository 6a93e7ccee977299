using System.Globalization;
using CardKit.Iso7816;

namespace CardKit;

/// <summary>
/// Renders channel events as text lines: the command with its decoded name, the response with
/// the status word explained, and the elapsed time. PIN and key data (VERIFY, CHANGE, UNBLOCK...)
/// are masked unless <see cref="ShowSecrets"/> is set.
/// </summary>
public sealed class TextTraceObserver(TextWriter writer) : IApduObserver
{
    public bool ShowSecrets { get; init; }

    public void OnExchange(string readerName, ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan elapsed)
    {
        WriteCommand(command);
        if (response.Length < 2)
        {
            writer.WriteLine($"<= {Hex.Format(response)}  ({Ms(elapsed)}) response shorter than a status word");
            return;
        }
        var sw = new StatusWord(response[^2], response[^1]);
        var context = command.Length > 0 && command[0] == 0xA0 ? StatusWordContext.Gsm : StatusWordContext.Iso7816;
        var data = response.Length > 2 ? Hex.Format(response[..^2]) + " " : "";
        writer.WriteLine($"<= {data}{sw}  ({Ms(elapsed)}) {sw.Describe(context)}");
    }

    public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        WriteCommand(command);
        writer.WriteLine($"<= error after {Ms(elapsed)}: {exception.Message}");
    }

    public void OnReset(string readerName, ReadOnlySpan<byte> atr) =>
        writer.WriteLine($"== reset {readerName}, ATR {Hex.Format(atr)}");

    /// <summary>The command as it may be shown: secrets replaced by '**'.</summary>
    public static string FormatCommand(ReadOnlySpan<byte> command, bool showSecrets = false)
    {
        if (showSecrets || !ApduDecoder.CarriesSecret(command))
            return Hex.Format(command);
        var masked = command.ToArray();
        var end = Math.Min(masked.Length, 5 + masked[4]);
        return Hex.Format(masked.AsSpan(0, 5)) + string.Concat(Enumerable.Repeat(" **", end - 5)) +
               (end < masked.Length ? " " + Hex.Format(masked.AsSpan(end)) : "");
    }

    private void WriteCommand(ReadOnlySpan<byte> command) =>
        writer.WriteLine($"=> {FormatCommand(command, ShowSecrets)}  {ApduDecoder.Describe(command)}");

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
