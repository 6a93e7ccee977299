using System.Text;

namespace CardKit.Sim;

/// <summary>
/// CHV1 (PIN1): its state read without spending a try, and one verification that refuses to
/// spend the last try unless allowed and never retries.
/// </summary>
internal sealed class Chv1(SimTransport transport, SimFileSelector files)
{
    /// <summary>GSM from the DF response (GSM 11.11 §9.2.1 bytes 14 and 19), UICC by VERIFY without data (TS 102 221 §11.1.9).</summary>
    public ChvStatus ReadStatus()
    {
        if (transport.Kind == SimKind.Gsm)
            return SimFileSelector.ParseGsmChv1(files.SelectPath("DF_TELECOM", 0x3F00, 0x7F10));
        var enabled = SimFileSelector.ParsePinEnabled(files.SelectPath("MF", 0x3F00));
        var sw = transport.Exchange(0x00, 0x20, 0x00, 0x01, [], -1).StatusWord;
        return sw.Value switch
        {
            0x9000 => new ChvStatus(enabled, 3, Verified: enabled),
            0x6983 => new ChvStatus(true, 0, false),
            _ when sw.Sw1 == 0x63 && (sw.Sw2 & 0xF0) == 0xC0 => new ChvStatus(true, sw.Sw2 & 0x0F, false),
            _ => new ChvStatus(enabled, -1, false),
        };
    }

    /// <summary>
    /// The rule before any PIN reaches the card (typed or entered on a pin pad): never on a blocked
    /// CHV1, and not with one try left (or an unknown count) unless the caller allows it.
    /// </summary>
    /// <exception cref="PinRefusedException">The PIN must not be tried.</exception>
    public static void EnsureTryAllowed(ChvStatus status, bool allowLastAttempt)
    {
        if (status.Blocked)
            throw new PinRefusedException(PinRefusal.Blocked, 0);
        if (status.RemainingAttempts <= 1 && !allowLastAttempt)
            throw new PinRefusedException(status.RemainingAttempts < 0 ? PinRefusal.AttemptsUnknown : PinRefusal.LastAttempt, status.RemainingAttempts);
    }

    /// <summary>See <see cref="SimSession.VerifyChv1"/>.</summary>
    public void Verify(string pin, bool allowLastAttempt)
    {
        // GSM 11.11 §9.3, TS 102 221 §9.5.1: 4 to 8 digits, padded with 'FF' to 8 bytes.
        if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
            throw new CardKitException(ErrorCategory.Usage, "a PIN is 4 to 8 digits (GSM 11.11 §9.3, TS 102 221 §9.5.1)");
        var status = ReadStatus();
        if (!status.Enabled || status.Verified)
            return;
        EnsureTryAllowed(status, allowLastAttempt);
        var block = Enumerable.Repeat((byte)0xFF, 8).ToArray();
        Encoding.ASCII.GetBytes(pin).CopyTo(block, 0);
        var sw = transport.Exchange(transport.Cla, 0x20, 0x00, 0x01, block, -1).StatusWord;
        if (sw.IsSuccess)
            return;
        if (sw.Value is 0x9804 or 0x6982 || (sw.Sw1 == 0x63 && (sw.Sw2 & 0xF0) == 0xC0))
            throw new WrongPinException(transport.Kind == SimKind.Gsm ? ReadStatus().RemainingAttempts : sw.Sw2 & 0x0F, sw);
        if (sw.Value is 0x9840 or 0x6983)
            throw new WrongPinException(0, sw);
        if (sw.Value is 0x9808 or 0x6984)
            throw new CardStatusException("CHV1 is disabled; no PIN is needed.", sw);
        throw new CardStatusException($"VERIFY CHV1 failed: {sw} {sw.Describe(transport.SwContext)}", sw);
    }
}
