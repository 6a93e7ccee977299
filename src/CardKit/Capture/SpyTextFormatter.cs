using System.Globalization;
using CardKit.Iso7816;

namespace CardKit.Capture;

/// <summary>
/// Renders decoded capture messages as text: one line per exchange (frame, time, device, slot,
/// request -> response, elapsed) and below it the decoded command and response, in the same
/// "=>" / "&lt;=" lines <see cref="TextTraceObserver"/> prints for CardKit's own traffic.
/// Requests are printed with their response; interrupts, notices and unexpected responses alone.
/// </summary>
public sealed class SpyTextFormatter(TextWriter writer, bool showSecrets = false, bool apduOnly = false, AidTable? aids = null)
{
    /// <summary>Writes what <paramref name="message"/> completes; a request waits for its response.</summary>
    public void Write(SpyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Direction == "out")
            return;
        if (apduOnly)
        {
            WriteApdus(message.RequestMessage);
            WriteApdus(message);
            return;
        }
        var request = message.RequestMessage;
        var headline = message.Message switch
        {
            "CCID interface" => $"CCID interface ({message.Interface!.Source}): {message.Interface.ExchangeLevel} level" + (message.Interface.Source == "descriptor"
                ? $", PIN support {message.Interface.PinSupport:X2}, max message {message.Interface.MaxMessageLength}, slots 0..{message.Interface.MaxSlotIndex}"
                : ""),
            "unanswered request" => $"{request!.Message} -> no response",
            _ when message.Direction == "call" => $"{message.Message} -> {message.Call!.Result}  {Ms(message.ElapsedMs)}",
            _ when request is not null => $"{request.Message} -> {message.Message}  {Ms(message.ElapsedMs)}",
            _ => message.Message,
        };
        var first = request ?? message;
        var where = first.Slot is { } slot ? $" slot {slot}" + (first.Seq is { } seq ? $" seq {seq}" : "") : "";
        writer.WriteLine($"#{first.Frame} {Clock(first.Time)} {first.Device}{where}  {headline}");
        if (request is not null)
            WriteDetails(request);
        if (message.Message != "unanswered request")
            WriteDetails(message);
        if (message.Note is { } note)
            writer.WriteLine($"    note: {note}");
    }

    private void WriteDetails(SpyMessage m)
    {
        if (m.Detail is { } detail)
            writer.WriteLine($"    {Side(m)}{detail}");
        if (m.Error is { } error)
            writer.WriteLine($"    failed: {error.Meaning} (bError {error.Code:X2})");
        if (m.Parameters is { } parameters)
            writer.WriteLine($"    {Side(m)}{parameters}");
        if (m.Slots is { } slots && m.Detail is null)
            writer.WriteLine("    " + string.Join(", ", slots.Select(s => $"slot {s.Slot} {(s.Present ? "present" : "empty")}")));
        if (m.T1 is { } t1)
            writer.WriteLine($"    {Side(m)}T=1 {t1.Text}  NAD {t1.Nad:X2} PCB {t1.Pcb:X2} LEN {t1.Len} EDC {t1.Edc}{(t1.EdcOk ? "" : $" (expected {t1.ExpectedEdc})")}");
        if (m.Secure is { } secure)
        {
            writer.WriteLine($"    {Side(m)}PIN {secure.Operation}" + (secure.Error is { } bad ? $": {bad}" : secure.Format is null ? "" :
                $": {secure.Format}; PIN {secure.MinPinLength}-{secure.MaxPinLength} digits; ends on {secure.EntryValidation}"
                + (secure.ConfirmPin is { } confirm ? $"; {confirm}" : "") + $"; timeout {secure.TimeOut} s; {secure.NumberMessage} message(s), language {secure.LangId}"));
            if (secure.Template is { } template)
                writer.WriteLine($"    template {template.Hex}  {template.Name} ({template.P1p2}) [{template.ClassMeaning}]");
        }
        if (m.Atr is { } atr)
            writer.WriteLine($"    ATR {Hex.Format(Hex.Parse(atr.Hex))}  T={string.Join(", T=", atr.Protocols)}{(atr.Valid ? "" : "; " + string.Join("; ", atr.Defects ?? []))}"
                + (atr.Cards is { Count: > 0 } cards ? $"; {cards[0]}" : ""));
        if (m.Call is { } call && m.Apdu is null)
            writer.WriteLine("    " + string.Join(" | ", call.Arguments));
        if (m.Data is { } data && m.Call is null)
            writer.WriteLine($"    {Side(m)}data {data}");
        if (m.Note is { } note && m.RequestMessage is null && m.Direction == "out")
            writer.WriteLine($"    note: {note}");
        WriteApdus(m);
    }

    private void WriteApdus(SpyMessage? m)
    {
        if (m is null)
            return;
        if (m.CommandBytes is { } command)
            writer.WriteLine("    " + TextTraceObserver.CommandLine(command, showSecrets, aids) + (m.Apdu is { Continues: > 0 } a ? $"  (continues #{a.Continues})" : ""));
        if (m.ResponseBytes is { } response)
            writer.WriteLine("    " + TextTraceObserver.ResponseLine(m.AnsweredCommand ?? [], response,
                m.ElapsedMs > 0 && m.Direction != "in" ? TimeSpan.FromMilliseconds(m.ElapsedMs) : null));
    }

    private static string Side(SpyMessage m) => m.Direction == "out" ? "-> " : m.Direction == "in" ? "<- " : "";

    private static string Clock(string time) => time.Length >= 26 ? time[11..26] : time;

    private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
}
