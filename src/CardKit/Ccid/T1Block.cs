namespace CardKit.Ccid;

/// <summary>
/// A T=1 block (ISO/IEC 7816-3:2006 §11.3): prologue NAD, PCB, LEN; INF of LEN bytes; epilogue
/// EDC, one LRC byte (§11.3.4.1) or a two-byte CRC (§11.3.4.2). A wrong EDC is decoded and
/// flagged, not rejected: it is what the reader saw.
/// </summary>
public sealed class T1Block
{
    private readonly byte[] _information;

    private T1Block(byte nad, byte pcb, byte[] information, int edc, int expectedEdc, bool crc)
    {
        Nad = nad;
        Pcb = pcb;
        _information = information;
        Edc = edc;
        ExpectedEdc = expectedEdc;
        UsesCrc = crc;
    }

    /// <summary>Node address byte: b7-b5 destination (DAD), b3-b1 source (SAD) (§11.3.2.1).</summary>
    public byte Nad { get; }

    /// <summary>Protocol control byte.</summary>
    public byte Pcb { get; }

    /// <summary>The block kind from PCB b8-b7.</summary>
    public T1BlockKind Kind => (Pcb & 0x80) == 0 ? T1BlockKind.Information : (Pcb & 0x40) == 0 ? T1BlockKind.Receive : T1BlockKind.Supervisory;

    /// <summary>I-block N(S), PCB b7 (§11.3.2.2 Table 15).</summary>
    public int SendSequence => (Pcb >> 6) & 1;

    /// <summary>I-block M, PCB b6: more data follows in the next I-block (chaining, §11.6.2).</summary>
    public bool More => Kind == T1BlockKind.Information && (Pcb & 0x20) != 0;

    /// <summary>R-block N(R), PCB b5 (§11.3.2.2 Table 16).</summary>
    public int ReceiveSequence => (Pcb >> 4) & 1;

    /// <summary>R-block b4-b1: 0 error-free, 1 EDC or parity error, 2 other errors (Table 16).</summary>
    public int ReceiveError => Pcb & 0x0F;

    /// <summary>S-block b6: 1 for a response, 0 for a request (Table 17).</summary>
    public bool IsResponse => Kind == T1BlockKind.Supervisory && (Pcb & 0x20) != 0;

    /// <summary>S-block b5-b1: 0 RESYNCH, 1 IFS, 2 ABORT, 3 WTX (Table 17).</summary>
    public int SupervisoryFunction => Pcb & 0x1F;

    /// <summary>LEN: the number of INF bytes.</summary>
    public int Length => _information.Length;

    /// <summary>The information field.</summary>
    public ReadOnlySpan<byte> Information => _information;

    /// <summary>The EDC as received (LRC byte or CRC word).</summary>
    public int Edc { get; }

    /// <summary>The EDC computed over prologue and INF.</summary>
    public int ExpectedEdc { get; }

    /// <summary>True when the epilogue is a CRC.</summary>
    public bool UsesCrc { get; }

    /// <summary>True when the received EDC matches the computed one.</summary>
    public bool EdcValid => Edc == ExpectedEdc;

    /// <summary>"I(0) M", "R(1) EDC/parity error", "S(WTX request) 09".</summary>
    public string Describe() => Kind switch
    {
        T1BlockKind.Information => $"I({SendSequence}){(More ? " M" : "")}",
        T1BlockKind.Receive => $"R({ReceiveSequence})" + ReceiveError switch
        {
            0 => "",
            1 => " EDC/parity error",
            2 => " other error",
            _ => $" error {ReceiveError:X}",
        },
        _ => $"S({SupervisoryName} {(IsResponse ? "response" : "request")})" + (Length > 0 ? " " + Hex.Format(Information) : ""),
    };

    /// <summary>RESYNCH, IFS, ABORT, WTX (or "VPP error" for 0x24, "function XX" otherwise).</summary>
    public string SupervisoryName => SupervisoryFunction switch
    {
        0 => "RESYNCH",
        1 => "IFS",
        2 => "ABORT",
        3 => "WTX",
        4 => "VPP error",
        _ => $"function {SupervisoryFunction:X2}",
    };

    /// <summary>Parses one block whose epilogue is a CRC when <paramref name="crc"/> is true, else an LRC.</summary>
    /// <exception cref="CardKitFormatException">Shorter than a block, LEN 255 (reserved), or LEN disagreeing with the bytes present.</exception>
    public static T1Block Parse(ReadOnlySpan<byte> block, bool crc = false)
    {
        if (TryParseCore(block, crc, out var result, out var error, out var offset))
            return result!;
        throw new CardKitFormatException(error!, offset);
    }

    /// <summary>Parses without throwing; false when the bytes are not a well-formed block.</summary>
    public static bool TryParse(ReadOnlySpan<byte> block, bool crc, out T1Block? result) => TryParseCore(block, crc, out result, out _, out _);

    private static bool TryParseCore(ReadOnlySpan<byte> block, bool crc, out T1Block? result, out string? error, out int offset)
    {
        result = null;
        var edcLength = crc ? 2 : 1;
        if (block.Length < 3 + edcLength)
        {
            (error, offset) = ($"a T=1 block needs NAD, PCB, LEN and a {edcLength}-byte EDC, got {block.Length} bytes", block.Length);
            return false;
        }
        var length = block[2];
        if (length == 0xFF)
        {
            (error, offset) = ("LEN FF is reserved (ISO/IEC 7816-3:2006 §11.3.2.3)", 2);
            return false;
        }
        if (block.Length != 3 + length + edcLength)
        {
            (error, offset) = ($"LEN says {length} INF bytes but the block holds {block.Length - 3 - edcLength}", 2);
            return false;
        }
        var covered = block[..(3 + length)];
        var received = crc ? block[^2] << 8 | block[^1] : block[^1];
        var expected = crc ? Crc(covered) : Lrc(covered);
        result = new T1Block(block[0], block[1], block.Slice(3, length).ToArray(), received, expected, crc);
        (error, offset) = (null, -1);
        return true;
    }

    /// <summary>§11.3.4.1: the exclusive-or of every byte of prologue and INF.</summary>
    public static byte Lrc(ReadOnlySpan<byte> data)
    {
        byte lrc = 0;
        foreach (var b in data)
            lrc ^= b;
        return lrc;
    }

    /// <summary>
    /// §11.3.4.2: the CRC of ISO/IEC 13239 (generator x^16 + x^12 + x^5 + 1, register preset to
    /// FFFF, bits taken least significant first), sent most significant byte first.
    /// </summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0x8408) : (ushort)(crc >> 1);
        }
        return crc;
    }
}
