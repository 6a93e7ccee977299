namespace CardKit.Ccid;

/// <summary>
/// The protocol data structure of PC_to_RDR_SetParameters and RDR_to_PC_Parameters (CCID Rev 1.1
/// §6.1.7 Tables 6.1-6 for T=0 and 6.1-7 for T=1).
/// </summary>
public sealed record CcidProtocolData(
    int Protocol,
    byte FindexDindex,
    byte TcckSt,
    byte GuardTime,
    byte WaitingIntegers,
    byte ClockStop,
    byte? Ifsc,
    byte? NadValue)
{
    /// <summary>T=1 bmTCCKST1 bit 0: the EDC is a CRC (else an LRC).</summary>
    public bool UsesCrc => Protocol == 1 && (TcckSt & 0x01) != 0;

    /// <summary>bmTCCKSTx bit 1: inverse convention.</summary>
    public bool InverseConvention => (TcckSt & 0x02) != 0;

    /// <summary>Parses the structure for bProtocolNum <paramref name="protocol"/> (0 or 1).</summary>
    /// <exception cref="CardKitFormatException">Unknown protocol or a wrong length (5 bytes for T=0, 7 for T=1).</exception>
    public static CcidProtocolData Parse(byte protocol, ReadOnlySpan<byte> data)
    {
        if (protocol > 1)
            throw new CardKitFormatException($"bProtocolNum {protocol:X2} is neither 00 (T=0) nor 01 (T=1)", 7);
        var expected = protocol == 0 ? 5 : 7;
        if (data.Length != expected)
            throw new CardKitFormatException($"the T={protocol} protocol data structure has {expected} bytes, got {data.Length}", CcidHeader.Size);
        return protocol == 0
            ? new CcidProtocolData(0, data[0], data[1], data[2], data[3], data[4], null, null)
            : new CcidProtocolData(1, data[0], data[1], data[2], data[3], data[4], data[5], data[6]);
    }

    /// <summary>One line: "T=1 Fi/Di 11, LRC, BWI 4 CWI 5, IFSC 254, NAD 00".</summary>
    public override string ToString() => Protocol == 0
        ? $"T=0 FiDi {FindexDindex:X2}, {(InverseConvention ? "inverse" : "direct")} convention, guard time {GuardTime}, WI {WaitingIntegers}, clock stop {ClockStop}"
        : $"T=1 FiDi {FindexDindex:X2}, {(UsesCrc ? "CRC" : "LRC")}, {(InverseConvention ? "inverse" : "direct")} convention, guard time {GuardTime}, BWI {WaitingIntegers >> 4} CWI {WaitingIntegers & 0x0F}, clock stop {ClockStop}, IFSC {Ifsc}, NAD {NadValue:X2}";
}
