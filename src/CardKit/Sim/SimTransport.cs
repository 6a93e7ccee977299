using CardKit.Iso7816;

namespace CardKit.Sim;

/// <summary>
/// The commands of a SIM session in the card's class: GSM 11.11 (class A0) or TS 102 221 (class
/// 00), as T=0 TPDUs, with the one rule for which answers count as success.
/// </summary>
internal sealed class SimTransport(CardSession session, SimKind kind)
{
    public SimKind Kind { get; } = kind;

    public byte Cla => Kind == SimKind.Gsm ? (byte)0xA0 : (byte)0x00;

    public StatusWordContext SwContext => Kind == SimKind.Gsm ? StatusWordContext.Gsm : StatusWordContext.Uicc;

    /// <summary>Sends a command; throws unless the card answered with success.</summary>
    /// <exception cref="CardStatusException">The card refused; <paramref name="what"/> names the operation.</exception>
    public byte[] Send(byte cla, byte ins, byte p1, byte p2, byte[] data, int le, string what)
    {
        var response = Exchange(cla, ins, p1, p2, data, le);
        ThrowUnlessSuccess(response.StatusWord, what, SwContext);
        return response.Data.ToArray();
    }

    /// <summary>Sends a command; returns whatever the card answered.</summary>
    public ResponseApdu Exchange(byte cla, byte ins, byte p1, byte p2, byte[] data, int le) => session.Transmit(Tpdu(cla, ins, p1, p2, data, le));

    /// <summary>T=0 TPDU: P3 is Lc for data, Le otherwise; <paramref name="le"/> -1 means no P3 (case 1).</summary>
    public static byte[] Tpdu(byte cla, byte ins, byte p1, byte p2, byte[] data, int le) =>
        data.Length > 0 ? [cla, ins, p1, p2, (byte)data.Length, .. data]
        : le >= 0 ? [cla, ins, p1, p2, (byte)le]
        : [cla, ins, p1, p2];

    /// <summary>
    /// Throws a <see cref="CardStatusException"/> naming the operation unless the status word is a
    /// normal ending in the card's context (90 00, GSM 91xx: GSM 11.11 §9.4.1).
    /// </summary>
    public static void ThrowUnlessSuccess(StatusWord sw, string what, StatusWordContext context)
    {
        if (sw.Classify(context) == StatusWordOutcome.Normal)
            return;
        var message = $"{what}: {sw} {sw.Describe(context)}.";
        throw sw.Value switch
        {
            0x9804 or 0x6982 => new Chv1RequiredException(message + " CHV1 (the PIN) must be verified first.", sw),
            0x9840 or 0x6983 => new CardStatusException(message + " CHV1 is blocked: unblock it with the PUK.", sw),
            0x9404 or 0x6A82 => new CardStatusException(message + " The card does not have this file.", sw),
            _ => new CardStatusException(message, sw),
        };
    }
}
