using System.Globalization;
using System.Text;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>
/// Decodes the raw log pcsc-lite's libpcscspy writes (the input of its pcsc-spy tool): every line
/// is "THREAD@" and then a call start "&gt;|sec|usec|function", one argument value per line (hex
/// numbers, strings, buffers as "XX XX ..." or NULL), and the call end
/// "&lt;|sec|usec|function|result|0xcode". Calls of several threads interleave. SCardTransmit's
/// buffers are decoded as APDUs, the same way captures and --trace decode them.
/// </summary>
public static class PcscSpyLog
{
    /// <summary>True when <paramref name="firstBytes"/> look like the start of a libpcscspy log ("7F..@&gt;|" or "&gt;|").</summary>
    public static bool LooksLikeLog(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.IsEmpty)
            return false;
        if (firstBytes[0] is (byte)'>' or (byte)'<')
            return true;
        foreach (var b in firstBytes)
        {
            if (b == '@')
                return true;
            if (!char.IsAsciiHexDigit((char)b))
                return false;
        }
        return true;
    }

    /// <summary>Decodes a log from <paramref name="stream"/>, of which <paramref name="alreadyRead"/> was consumed to sniff the format.</summary>
    /// <exception cref="CaptureFormatException">A line that does not fit the format, or a call the log ends inside of.</exception>
    public static IEnumerable<SpyMessage> Decode(Stream stream, byte[] alreadyRead, SpyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(alreadyRead);
        options ??= new SpyOptions();
        using var reader = new StreamReader(new PrefixedStream(alreadyRead, stream), Encoding.Latin1, false, 1 << 16, leaveOpen: true);
        var open = new Dictionary<string, OpenCall>();
        var number = 0L;
        var offset = 0L;
        string? lastAtr = null;
        var features = new Dictionary<uint, Ccid.Part10Feature>();
        while (reader.ReadLine() is { } line)
        {
            number++;
            var lineOffset = offset;
            offset += line.Length + 1;
            if (line.Length == 0)
                continue;
            var at = line.IndexOf('@', StringComparison.Ordinal);
            var thread = at > 0 ? line[..at] : "";
            var text = at > 0 ? line[(at + 1)..] : line;
            if (text.StartsWith(">|", StringComparison.Ordinal))
            {
                var fields = text.Split('|');
                if (fields.Length != 4 || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var sec) || !long.TryParse(fields[2], CultureInfo.InvariantCulture, out var usec))
                    throw new CaptureFormatException($"a call start is '>|sec|usec|function', got '{text}'", number, lineOffset, "line");
                if (open.TryGetValue(thread, out var unfinished))
                    throw new CaptureFormatException($"{fields[3]} starts before {unfinished.Function} of line {unfinished.Line} returned", number, lineOffset, "line");
                open[thread] = new OpenCall(fields[3], number, sec * 1_000_000 + usec);
            }
            else if (text.StartsWith("<|", StringComparison.Ordinal))
            {
                var fields = text.Split('|');
                if (fields.Length != 6 || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var sec) || !long.TryParse(fields[2], CultureInfo.InvariantCulture, out var usec))
                    throw new CaptureFormatException($"a call end is '<|sec|usec|function|result|0xcode', got '{text}'", number, lineOffset, "line");
                if (!open.Remove(thread, out var call) || call.Function != fields[3])
                    throw new CaptureFormatException($"{fields[3]} returns but was not called on thread {thread}", number, lineOffset, "line");
                var message = Complete(call, thread, fields[4], fields[5], (sec * 1_000_000 + usec - call.Microseconds) / 1000.0, options, ref lastAtr, features);
                if (options.Device is null || options.Device == thread)
                    yield return message;
            }
            else if (open.TryGetValue(thread, out var call))
            {
                call.Arguments.Add(text.TrimEnd());
            }
            else
            {
                throw new CaptureFormatException($"'{text}' is neither a call start, a call end nor an argument of an open call", number, lineOffset, "line");
            }
        }
        foreach (var call in open.Values)
            throw new CaptureFormatException($"the log ends inside {call.Function} called at line {call.Line}", number + 1, offset, "line");
    }

    private static SpyMessage Complete(OpenCall call, string thread, string result, string code, double milliseconds, SpyOptions options,
        ref string? lastAtr, Dictionary<uint, Ccid.Part10Feature> features)
    {
        var success = result == "SCARD_S_SUCCESS" || code == "0x00000000";
        CommandSummary? apdu = null;
        ResponseSummary? response = null;
        byte[]? command = null, answer = null;
        var arguments = call.Arguments;
        // SCardTransmit: hCard, ioSendPci (dwProtocol, cbPciLength), cbSendLength, pbSendBuffer,
        // ioRecvPci (dwProtocol, cbPciLength), pcbRecvLength, pbRecvBuffer.
        if (call.Function == "SCardTransmit" && arguments.Count >= 9)
        {
            command = Buffer(arguments[4]);
            if (command is not null)
                apdu = CommandSummary.Of(command, options.ShowSecrets, options.Aids);
            answer = success ? Buffer(arguments[8]) : null;
            if (answer is not null && command is not null)
                response = ResponseSummary.Of(answer, command);
        }
        var secure = call.Function is "SCardControl" or "SCardControl132" && arguments.Count >= 6 ? Control(arguments, success, features, options) : null;
        var shown = arguments;
        if (apdu is not null && !options.ShowSecrets && ApduDecoder.CarriesSecret(command))
            shown = [.. arguments.Select((a, i) => i == 4 ? apdu.Hex : a)];
        string? atr = null;
        // SCardStatus: hCard, pcchReaderLen, pcbAtrLen, then cchReaderLen, mszReaderName, dwState, dwProtocol, cbAtrLen, pbAtr.
        if (call.Function == "SCardStatus" && success && arguments.Count >= 9 && Buffer(arguments[8]) is { Length: > 0 } statusAtr)
            atr = Hex.Format(statusAtr, '\0');
        if (atr is not null && atr != lastAtr)
            lastAtr = atr;
        else
            atr = null;
        return new SpyMessage
        {
            Frame = call.Line,
            Time = SpyTime.Format(call.Microseconds * 1000),
            Device = thread,
            Direction = "call",
            Message = call.Function,
            ElapsedMs = milliseconds,
            Call = new SpyCall(call.Function, result, code, milliseconds, shown),
            Apdu = apdu,
            Response = response,
            Secure = secure,
            Atr = atr is null ? null : new SpyAtr { Hex = atr, Valid = Atr.AtrParser.Parse(Hex.Parse(atr)).IsValid, Protocols = Atr.AtrParser.Parse(Hex.Parse(atr)).Protocols },
            CommandBytes = apdu is null ? null : command,
            ResponseBytes = response is null ? null : answer,
            AnsweredCommand = response is null ? null : command,
        };
    }

    // PC/SC v2 part 10 §2.2: CM_IOCTL_GET_FEATURE_REQUEST answers with the control code of every
    // feature; FEATURE_VERIFY_PIN_DIRECT / FEATURE_MODIFY_PIN_DIRECT then take PIN_VERIFY_STRUCTURE /
    // PIN_MODIFY_STRUCTURE (§2.5.2, §2.5.3). pcsc-lite's SCARD_CTL_CODE(3400) is 0x42000D48; libccid
    // answers 0x42330000 + feature when no feature list is in the log.
    private static SpySecure? Control(List<string> arguments, bool success, Dictionary<uint, Ccid.Part10Feature> features, SpyOptions options)
    {
        if (!uint.TryParse(arguments[1].AsSpan(arguments[1].StartsWith("0x", StringComparison.Ordinal) ? 2 : 0), System.Globalization.NumberStyles.HexNumber,
                CultureInfo.InvariantCulture, out var controlCode))
            return null;
        if (controlCode is 0x42000D48 or 0x313520)
        {
            if (success && Buffer(arguments[5]) is { } list && Ccid.Part10FeatureList.TryParse(list, out var parsed))
            {
                foreach (var (feature, value) in parsed!.Features)
                    features[value] = feature;
            }
            return null;
        }
        var known = features.TryGetValue(controlCode, out var f) ? f : controlCode is 0x42330006 ? Ccid.Part10Feature.VerifyPinDirect
            : controlCode is 0x42330007 ? Ccid.Part10Feature.ModifyPinDirect : (Ccid.Part10Feature?)null;
        if (known is not (Ccid.Part10Feature.VerifyPinDirect or Ccid.Part10Feature.ModifyPinDirect) || Buffer(arguments[3]) is not { } structure)
            return null;
        return SpySecure.FromPart10(structure, known == Ccid.Part10Feature.ModifyPinDirect, options.Aids);
    }

    private static byte[]? Buffer(string text) =>
        text.Length == 0 || text == "NULL" || text.StartsWith("0x", StringComparison.Ordinal) ? null : Hex.TryParse(text, out var bytes) ? bytes : null;

    private sealed record OpenCall(string Function, long Line, long Microseconds)
    {
        public List<string> Arguments { get; } = [];
    }
}
