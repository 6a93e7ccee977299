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
    /// <summary>Show PINs and keys instead of "**".</summary>
    public bool ShowSecrets { get; init; }

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public void OnError(string readerName, ReadOnlySpan<byte> command, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(exception);
        WriteCommand(command);
        writer.WriteLine($"<= error after {Ms(elapsed)}: {exception.Message}");
    }

    /// <inheritdoc/>
    public void OnReset(string readerName, ReadOnlySpan<byte> atr) =>
        writer.WriteLine($"== reset {readerName}, ATR {Hex.Format(atr)}");

    /// <summary>
    /// The command as it may be shown: the data field of VERIFY, CHANGE, UNBLOCK... replaced by '**'
    /// per byte (short or extended Lc, ISO/IEC 7816-3:2006 §12.1.3). A command whose lengths do not
    /// parse has every byte after the header and first length byte masked.
    /// </summary>
    public static string FormatCommand(ReadOnlySpan<byte> command, bool showSecrets = false)
    {
        if (showSecrets || !ApduDecoder.CarriesSecret(command))
            return Hex.Format(command);
        int start, length;
        if (CommandApdu.TryParse(command, out var parsed))
            (start, length) = (parsed!.IsExtended ? 7 : 5, parsed.Data.Length);
        else
            (start, length) = (5, command.Length - 5);
        var text = new System.Text.StringBuilder(command.Length * 3);
        for (var i = 0; i < command.Length; i++)
        {
            if (i > 0)
                text.Append(' ');
            if (i >= start && i < start + length)
                text.Append("**");
            else
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{command[i]:X2}");
        }
        return text.ToString();
    }

    private void WriteCommand(ReadOnlySpan<byte> command) => writer.WriteLine(CommandLine(command, ShowSecrets));

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
