using CardKit.Ccid;
using CardKit.Iso7816;

namespace CardKit.Sim;

/// <summary>
/// VERIFY CHV and CHANGE CHV for CHV1/PIN1 through an <see cref="IPinEntry"/> (a reader's pin pad, or
/// <see cref="SoftwarePinPad"/> for a keyboard), with <see cref="SimSession"/>'s safety rules (the same check before any PIN is tried): the remaining
/// attempts are read first, a PIN is not tried when one attempt or none is left unless forced, and a failure
/// is never retried; after a failure the attempts left are read back from the card.
/// </summary>
public static class SimPinOperations
{
    /// <summary>VERIFY CHV1 (GSM 11.11 §9.2.9; ETSI TS 102 221 §11.1.9) with the PIN typed on <paramref name="entry"/>.</summary>
    /// <exception cref="PinRefusedException">CHV1 is blocked, or only one attempt is left and <paramref name="force"/> is false: nothing was asked or sent.</exception>
    /// <exception cref="WrongPinException">The card refused the PIN; the attempts left are read back.</exception>
    /// <exception cref="CardStatusException">The entry failed (cancelled, timed out) or the card refused otherwise.</exception>
    public static PinOutcome VerifyChv1(SimSession sim, IPinEntry entry, PinFormat format, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(format);
        var before = sim.ReadChv1Status();
        if (!before.Enabled)
            return PinOutcome.NotNeeded;
        if (before.Verified)
            return PinOutcome.AlreadyVerified;
        Chv1.EnsureTryAllowed(before, force);
        var template = format.BuildTemplate(sim.Transport.Cla, 0x20, 0x00, 0x01);
        var response = entry.Verify(format.BuildVerify(template));
        Check(sim, entry, before, response.StatusWord, "VERIFY CHV1");
        return PinOutcome.Verified;
    }

    /// <summary>
    /// CHANGE CHV1 (GSM 11.11 §9.2.10; ETSI TS 102 221 §11.1.10): the current and the new PIN typed on
    /// <paramref name="entry"/>, the new one twice.
    /// </summary>
    /// <exception cref="PinRefusedException">CHV1 is blocked, or only one attempt is left and <paramref name="force"/> is false: nothing was asked or sent.</exception>
    /// <exception cref="WrongPinException">The card refused the current PIN; the attempts left are read back.</exception>
    /// <exception cref="CardStatusException">CHV1 is disabled, the entry failed or the card refused otherwise.</exception>
    public static PinOutcome ChangeChv1(SimSession sim, IPinEntry entry, PinFormat format, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(format);
        var before = sim.ReadChv1Status();
        if (!before.Enabled)
            throw new CardStatusException("CHV1 is disabled: enable it before changing it.", new StatusWord(sim.Kind == SimKind.Gsm ? (ushort)0x9808 : (ushort)0x6984));
        Chv1.EnsureTryAllowed(before, force);
        var template = format.BuildTemplate(sim.Transport.Cla, 0x24, 0x00, 0x01, pins: 2);
        var blockLength = format.BlankBlock.Length;
        var response = entry.Modify(format.BuildModify(template, currentPinOffset: 0, newPinOffset: blockLength));
        Check(sim, entry, before, response.StatusWord, "CHANGE CHV1");
        return PinOutcome.Changed;
    }

    private static void Check(SimSession sim, IPinEntry entry, ChvStatus before, StatusWord sw, string operation)
    {
        if (sw.IsSuccess)
            return;
        if (PinPadStatus.Describe(sw) is { } padFailure)
            throw new CardStatusException($"{padFailure} ({entry.Description}, SW {sw}): {operation} was not sent and no attempt was spent.", sw);
        var after = sim.ReadChv1Status();
        if (after.Blocked)
            throw new WrongPinException(0, sw);
        if (after.RemainingAttempts >= 0 && after.RemainingAttempts < before.RemainingAttempts)
            throw new WrongPinException(after.RemainingAttempts, sw);
        throw new CardStatusException($"{operation} failed: {sw} {sw.Describe(sim.Transport.SwContext)}", sw);
    }
}
