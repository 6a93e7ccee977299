namespace CardKit.Ccid;

/// <summary>
/// The abData of a PC_to_RDR_Secure message (CCID Rev 1.1 §6.1.11): bPINOperation, then for a verification
/// the PIN verification data structure, for a modification the PIN modification data structure, and for the
/// other operations whatever bytes follow, kept as they are.
/// </summary>
public sealed class SecurePinCommand
{
    private readonly byte[] _data = [];

    /// <summary>bPINOperation. A value outside 00-06 is kept; its bytes are in <see cref="Data"/>.</summary>
    public PinOperation Operation { get; init; }

    /// <summary>The PIN verification structure when <see cref="Operation"/> is <see cref="PinOperation.Verify"/>.</summary>
    public PinVerifyStructure? Verify { get; init; }

    /// <summary>The PIN modification structure when <see cref="Operation"/> is <see cref="PinOperation.Modify"/>.</summary>
    public PinModifyStructure? Modify { get; init; }

    /// <summary>The bytes after bPINOperation for the operations without a structure (empty for verify and modify).</summary>
    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = value.ToArray();
    }

    /// <summary>Bytes <see cref="Encode(Span{byte})"/> writes.</summary>
    public int EncodedLength => 1 + (Verify?.CcidLength ?? Modify?.CcidLength ?? _data.Length);

    /// <summary>Decodes abData; offsets in errors count from its first byte (bPINOperation).</summary>
    /// <exception cref="CardKitFormatException">abData is empty or its PIN structure is malformed.</exception>
    public static SecurePinCommand Parse(ReadOnlySpan<byte> abData) =>
        TryParse(abData, out var result, out var error) ? result! : throw error!;

    /// <summary>Decodes abData without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> abData, out SecurePinCommand? result) =>
        TryParse(abData, out result, out _);

    private static bool TryParse(ReadOnlySpan<byte> abData, out SecurePinCommand? result, out CardKitFormatException? error)
    {
        result = null;
        error = null;
        if (abData.IsEmpty)
        {
            error = new CardKitFormatException("PC_to_RDR_Secure carries no bPINOperation", 0);
            return false;
        }
        var operation = (PinOperation)abData[0];
        var rest = abData[1..];
        switch (operation)
        {
            case PinOperation.Verify:
                if (!PinVerifyStructure.TryParseCcid(rest, 1, out var verify, out error))
                    return false;
                result = new SecurePinCommand { Operation = operation, Verify = verify };
                return true;
            case PinOperation.Modify:
                if (!PinModifyStructure.TryParseCcid(rest, 1, out var modify, out error))
                    return false;
                result = new SecurePinCommand { Operation = operation, Modify = modify };
                return true;
            default:
                result = new SecurePinCommand { Operation = operation, Data = rest.ToArray() };
                return true;
        }
    }

    /// <summary>Writes abData; returns <see cref="EncodedLength"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</exception>
    public int Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
            throw new ArgumentException($"Destination needs {EncodedLength} bytes.", nameof(destination));
        destination[0] = (byte)Operation;
        if (Verify is not null)
            Verify.EncodeCcid(destination[1..]);
        else if (Modify is not null)
            Modify.EncodeCcid(destination[1..]);
        else
            _data.CopyTo(destination[1..]);
        return EncodedLength;
    }

    /// <summary>abData as a new array.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }
}
