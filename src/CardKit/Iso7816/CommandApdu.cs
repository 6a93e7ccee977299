using System.Buffers.Binary;

namespace CardKit.Iso7816;

/// <summary>A command APDU (ISO/IEC 7816-4:2020 §5.1; encoding ISO/IEC 7816-3:2006 §12.1.3).</summary>
/// <remarks>
/// <see cref="Ne"/> is the number of expected response bytes: 0 means no Le field; short Le 00
/// means 256 and extended Le 0000 means 65536. The encoding is short unless data longer than
/// 255 bytes, Ne above 256 or <see cref="IsExtended"/> forces the extended form.
/// </remarks>
public sealed class CommandApdu : IEquatable<CommandApdu>
{
    /// <summary>The largest Ne a short Le can ask for (Le = 00).</summary>
    public const int MaxShortNe = 256;

    /// <summary>The largest Ne an extended Le can ask for (Le = 0000).</summary>
    public const int MaxExtendedNe = 65536;

    /// <summary>The longest data field (extended Lc).</summary>
    public const int MaxExtendedLc = 65535;

    private readonly byte[] _data;

    /// <summary>
    /// A command with header CLA INS P1 P2, <paramref name="data"/> and <paramref name="ne"/> expected
    /// response bytes; <paramref name="extended"/> asks for extended length fields (ignored for case 1).
    /// </summary>
    public CommandApdu(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data = default, int ne = 0,
        bool extended = false)
    {
        if (data.Length > MaxExtendedLc)
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "Command data is limited to 65535 bytes.");
        ArgumentOutOfRangeException.ThrowIfNegative(ne);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ne, MaxExtendedNe);
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        _data = data.ToArray();
        Ne = ne;
        // ISO/IEC 7816-3:2006 §12.1.3: case 1 has no length field, so no short or extended form.
        IsExtended = (extended && (data.Length > 0 || ne > 0)) || data.Length > 255 || ne > MaxShortNe;
    }

    /// <summary>The class byte.</summary>
    public byte Cla { get; }

    /// <summary>The instruction byte.</summary>
    public byte Ins { get; }

    /// <summary>Parameter 1.</summary>
    public byte P1 { get; }

    /// <summary>Parameter 2.</summary>
    public byte P2 { get; }

    /// <summary>Command data field (Nc = its length).</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Maximum number of response data bytes expected; 0 when there is no Le field.</summary>
    public int Ne { get; }

    /// <summary>True when Lc/Le use the extended (3 / 2 byte) form.</summary>
    public bool IsExtended { get; }

    /// <summary>Which of the four cases (ISO/IEC 7816-3:2006 §12.1.3) the command is.</summary>
    public ApduCase Case => (_data.Length, Ne) switch
    {
        (0, 0) => ApduCase.Case1,
        (0, _) => ApduCase.Case2,
        (_, 0) => ApduCase.Case3,
        _ => ApduCase.Case4,
    };

    /// <summary>Number of bytes <see cref="Encode"/> writes.</summary>
    public int EncodedLength
    {
        get
        {
            var length = 4;
            if (_data.Length > 0)
                length += (IsExtended ? 3 : 1) + _data.Length;
            if (Ne > 0)
                length += IsExtended ? (_data.Length > 0 ? 2 : 3) : 1;
            return length;
        }
    }

    /// <summary>Writes the APDU; returns the number of bytes written (ISO/IEC 7816-3:2006 §12.1.3).</summary>
    public int Encode(Span<byte> destination)
    {
        var length = EncodedLength;
        if (destination.Length < length)
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        destination[0] = Cla;
        destination[1] = Ins;
        destination[2] = P1;
        destination[3] = P2;
        var at = 4;
        if (_data.Length > 0)
        {
            if (IsExtended)
            {
                destination[at++] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)_data.Length);
                at += 2;
            }
            else
            {
                destination[at++] = (byte)_data.Length;
            }
            _data.CopyTo(destination[at..]);
            at += _data.Length;
        }
        if (Ne > 0)
        {
            if (IsExtended)
            {
                if (_data.Length == 0)
                    destination[at++] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)(Ne == MaxExtendedNe ? 0 : Ne));
                at += 2;
            }
            else
            {
                destination[at++] = (byte)(Ne == MaxShortNe ? 0 : Ne);
            }
        }
        return at;
    }

    /// <summary>The encoded command.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>A copy with a different Ne (e.g. to resend after 6Cxx, ISO/IEC 7816-3:2006 §10.3.3).</summary>
    public CommandApdu WithNe(int ne) => new(Cla, Ins, P1, P2, _data, ne, IsExtended);

    /// <summary>Parses an encoded APDU, deciding the case from the body length (ISO/IEC 7816-3:2006 §12.1.3).</summary>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (TryParseCore(apdu, out var result, out var error, out var offset))
            return result!;
        throw new CardKitFormatException(error!, offset);
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static CommandApdu Parse(string hex) => Parse(Hex.Parse(hex));

    /// <summary>
    /// Parses one command APDU per text (hex, spaced or packed) and returns each one's bytes, checked
    /// against ISO/IEC 7816-4:2020 §5.1; nothing is returned unless every one is well formed.
    /// </summary>
    /// <exception cref="CardKitFormatException">A text is not hex or not a command APDU; the message names which (1-based) and why.</exception>
    public static List<byte[]> ParseEach(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new List<byte[]>();
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            try
            {
                var bytes = Hex.Parse(text);
                Parse(bytes);
                result.Add(bytes);
            }
            catch (CardKitFormatException e)
            {
                throw new CardKitFormatException($"APDU {n} (\"{text}\"): {e.Message}", -1, e);
            }
        }
        return result;
    }

    /// <summary>Parses an encoded APDU; false (and null) when it is malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> apdu, out CommandApdu? result)
        => TryParseCore(apdu, out result, out _, out _);

    private static bool TryParseCore(ReadOnlySpan<byte> apdu, out CommandApdu? result, out string? error, out int offset)
    {
        result = null;
        error = null;
        offset = -1;
        if (apdu.Length < 4)
        {
            (error, offset) = ($"a command APDU needs at least the 4 header bytes CLA INS P1 P2, got {apdu.Length}", apdu.Length);
            return false;
        }
        var (cla, ins, p1, p2) = (apdu[0], apdu[1], apdu[2], apdu[3]);
        var body = apdu[4..];
        if (body.Length == 0)
        {
            result = new CommandApdu(cla, ins, p1, p2);
            return true;
        }
        if (body.Length == 1)
        {
            result = new CommandApdu(cla, ins, p1, p2, ne: body[0] == 0 ? MaxShortNe : body[0]);
            return true;
        }
        if (body[0] != 0)
        {
            // Short Lc: B1 = Nc in 1..255.
            var nc = body[0];
            if (body.Length == 1 + nc)
            {
                result = new CommandApdu(cla, ins, p1, p2, body.Slice(1, nc));
                return true;
            }
            if (body.Length == 2 + nc)
            {
                var le = body[1 + nc];
                result = new CommandApdu(cla, ins, p1, p2, body.Slice(1, nc), le == 0 ? MaxShortNe : le);
                return true;
            }
            (error, offset) = ($"Lc says {nc} data bytes but {body.Length - 1} bytes follow it (allowed: {nc}, or {nc} + Le)", 4);
            return false;
        }
        // B1 = 00 with more bytes: extended length.
        if (body.Length == 3)
        {
            var le = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
            result = new CommandApdu(cla, ins, p1, p2, ne: le == 0 ? MaxExtendedNe : le, extended: true);
            return true;
        }
        if (body.Length < 3)
        {
            (error, offset) = ("extended length field is truncated: 00 must be followed by two length bytes", 4 + body.Length);
            return false;
        }
        var lc = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
        if (lc == 0)
        {
            (error, offset) = ("extended Lc of 0000 is not allowed", 5);
            return false;
        }
        if (body.Length == 3 + lc)
        {
            result = new CommandApdu(cla, ins, p1, p2, body.Slice(3, lc), extended: true);
            return true;
        }
        if (body.Length == 5 + lc)
        {
            var le = BinaryPrimitives.ReadUInt16BigEndian(body[(3 + lc)..]);
            result = new CommandApdu(cla, ins, p1, p2, body.Slice(3, lc), le == 0 ? MaxExtendedNe : le, extended: true);
            return true;
        }
        (error, offset) = ($"extended Lc says {lc} data bytes but {body.Length - 3} bytes follow it (allowed: {lc}, or {lc} + 2-byte Le)", 5);
        return false;
    }

    /// <summary>Same header, data, Ne and length form.</summary>
    public bool Equals(CommandApdu? other) =>
        other is not null && Cla == other.Cla && Ins == other.Ins && P1 == other.P1 && P2 == other.P2 &&
        Ne == other.Ne && IsExtended == other.IsExtended && Data.SequenceEqual(other.Data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CommandApdu);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Cla);
        hash.Add(Ins);
        hash.Add(P1);
        hash.Add(P2);
        hash.Add(Ne);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }

    /// <summary>The encoded APDU in spaced hex.</summary>
    public override string ToString() => Hex.Format(ToArray());
}
