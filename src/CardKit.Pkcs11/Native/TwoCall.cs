namespace CardKit.Pkcs11.Native;

/// <summary>One call of a function that fills a caller's buffer: a null buffer asks only for the length.</summary>
internal unsafe delegate ulong SizedCall(byte* output, ulong* length);

/// <summary>
/// The two-call convention for variable-length output (PKCS#11 2.40 base specification §5.2): call
/// with a null buffer for the length, then with a buffer that long. The length can grow between the
/// calls (a slot appears, a module pads differently), which CKR_BUFFER_TOO_SMALL says: ask again.
/// </summary>
internal static unsafe class TwoCall
{
    private const int Attempts = 3;

    /// <summary>Output of bytes: signatures, ciphertext, digests, wrapped keys.</summary>
    public static byte[] Bytes(SizedCall call, string function)
    {
        for (var attempt = 1; ; attempt++)
        {
            ulong length = 0;
            Pkcs11Module.Check(call(null, &length), function);
            var output = new byte[length];
            ulong rv;
            fixed (byte* o = output) // null for an empty buffer: the call answers the length again
                rv = call(o, &length);
            if (rv == (ulong)ReturnValue.BufferTooSmall && attempt < Attempts)
                continue;
            Pkcs11Module.Check(rv, function);
            return length == (ulong)output.Length ? output : output[..(int)length];
        }
    }

    /// <summary>Output of a CK_ULONG array (slot ids, mechanism types): the length counts elements of the module's CK_ULONG.</summary>
    public static List<ulong> Ulongs(CkAbi abi, SizedCall call, string function)
    {
        for (var attempt = 1; ; attempt++)
        {
            ulong count = 0;
            Pkcs11Module.Check(call(null, &count), function);
            var array = new byte[checked((int)count * abi.UlongSize)];
            ulong rv;
            fixed (byte* p = array)
            {
                rv = call(p, &count);
                if (rv == 0)
                {
                    var result = new List<ulong>((int)count);
                    for (var i = 0; i < (int)count; i++)
                        result.Add(abi.ReadUlong(p + i * abi.UlongSize));
                    return result;
                }
            }
            if (rv == (ulong)ReturnValue.BufferTooSmall && attempt < Attempts)
                continue;
            Pkcs11Module.Check(rv, function);
        }
    }
}
