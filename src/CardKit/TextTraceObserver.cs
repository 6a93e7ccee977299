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
        writer.WriteLine(ResponseLine(command, response, elapsed));
    }

    /// <summary>
    /// "=> 00 A4 04 00 ...  SELECT (...) [class]": the line --trace and the capture decoder both
    /// print for a command (one decoder, one look).
    /// </summary>
    public static string CommandLine(ReadOnlySpan<byte> command, bool showSecrets = false, AidTable? aids = null) =>
        $"=> {FormatCommand(command, showSecrets)}  {ApduDecoder.Describe(command, aids)}";

    /// <summary>"&lt;= data SW  (1.234 ms) meaning": the response line; the elapsed time is left out when unknown.</summary>
    public static string ResponseLine(ReadOnlySpan<byte> command, ReadOnlySpan<byte> response, TimeSpan? elapsed)
    {
        var time = elapsed is { } t ? $"  ({Ms(t)}) " : "  ";
        if (response.Length < 2)
            return $"<= {Hex.Format(response)}{time}response shorter than a status word";
        var sw = new StatusWord(response[^2], response[^1]);
        var data = response.Length > 2 ? Hex.Format(response[..^2]) + " " : "";
        return $"<= {data}{sw}{time}{StatusWords.Describe(command, sw)}";
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
        var header = command[4] == 0 && command.Length > 7 ? 7 : 5;
        var end = Math.Min(command.Length, header + (header == 7 ? command[5] << 8 | command[6] : command[4]));
        return Hex.Format(command[..header]) + string.Concat(Enumerable.Repeat(" **", end - header)) +
               (end < command.Length ? " " + Hex.Format(command[end..]) : "");
    }

    private void WriteCommand(ReadOnlySpan<byte> command) => writer.WriteLine(CommandLine(command, ShowSecrets));

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
