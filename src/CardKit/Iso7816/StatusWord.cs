namespace CardKit.Iso7816;

/// <summary>The two trailer bytes SW1 SW2 of a response (ISO/IEC 7816-4:2020 §5.6).</summary>
public readonly record struct StatusWord(byte Sw1, byte Sw2)
{
    /// <summary>90 00.</summary>
    public static readonly StatusWord Success = new(0x90, 0x00);

    /// <summary>The status word whose SW1 is the high byte of <paramref name="value"/>.</summary>
    public StatusWord(ushort value) : this((byte)(value >> 8), (byte)value)
    {
    }

    /// <summary>SW1 SW2 as one number, e.g. 0x9000.</summary>
    public ushort Value => (ushort)(Sw1 << 8 | Sw2);

    /// <summary>
    /// Normal processing in any table: 9000, 61xx, 90xx, 91xx, 9Fxx (ISO/IEC 7816-4:2020 §5.6 table 5;
    /// see <see cref="StatusWords.Classify(StatusWord, StatusWordContext, byte?)"/> for the GSM and UICC
    /// tables and instruction-dependent meanings).
    /// </summary>
    public bool IsSuccess => StatusWords.Classify(this) == StatusWordOutcome.Normal;

    /// <summary>Normal, warning or error in <paramref name="context"/>; see <see cref="StatusWords.Classify(StatusWord, StatusWordContext, byte?)"/>.</summary>
    public StatusWordOutcome Classify(StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null) =>
        StatusWords.Classify(this, context, instruction);

    /// <summary>SW1 61: SW2 more bytes available with GET RESPONSE (ISO/IEC 7816-4:2020 §5.6).</summary>
    public bool IsMoreDataAvailable => Sw1 == 0x61;

    /// <summary>SW1 6C: wrong Le, SW2 is the exact length (ISO/IEC 7816-3:2006 §10.3.3).</summary>
    public bool IsWrongLength => Sw1 == 0x6C;

    /// <summary>SW1 9F: GSM 11.11 §9.4.1, SW2 bytes of response data ready for GET RESPONSE (class A0).</summary>
    public bool IsGsmResponseAvailable => Sw1 == 0x9F;

    /// <summary>What the status word means; see <see cref="StatusWords.Describe(StatusWord, StatusWordContext, byte?)"/>.</summary>
    public string Describe(StatusWordContext context = StatusWordContext.Iso7816, byte? instruction = null) => StatusWords.Describe(this, context, instruction);

    /// <summary>"90 00".</summary>
    public override string ToString() => $"{Sw1:X2} {Sw2:X2}";
}
