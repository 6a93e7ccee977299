using System.Runtime.CompilerServices;

namespace CardKit.Pkcs11.Native;

/// <summary>
/// How a module lays out PKCS#11 data (PKCS#11 2.40 base specification §2.1 and the platform notes
/// of pkcs11.h): on Unix CK_ULONG is C <c>unsigned long</c> (8 bytes on LP64, 4 on 32-bit) and
/// structures are naturally aligned; on Windows CK_ULONG is 32-bit and every structure is packed to
/// 1 byte (<c>#pragma pack(push, cryptoki, 1)</c>). Structure layouts are computed from their field
/// lists, so one code path serves both.
/// </summary>
/// <remarks>
/// Scalars cross the call boundary as <see cref="nuint"/> and come back through 8-byte, zeroed
/// cells: on Windows x64 and ARM64 (and on the System V ABI) a 32-bit argument travels in a 64-bit
/// register or stack slot whose upper half the callee ignores, and a module that writes a 4-byte
/// CK_ULONG into a zeroed 8-byte little-endian cell leaves the right value in it. On 32-bit
/// platforms nuint is CK_ULONG. Arrays of CK_ULONG and structures are what differ, and go through
/// this class.
/// </remarks>
internal sealed unsafe class CkAbi
{
    public static readonly CkAbi Unix = new(IntPtr.Size, packed: false);
    public static readonly CkAbi Windows = new(4, packed: true);

    /// <summary>The ABI of modules built for this process's platform.</summary>
    public static CkAbi Native { get; } = OperatingSystem.IsWindows() ? Windows : Unix;

    private CkAbi(int ulongSize, bool packed)
    {
        UlongSize = ulongSize;
        Packed = packed;
        CkField U = CkField.Ulong, P = CkField.Pointer, V = CkField.Version;
        Attribute = Layout(U, P, U);
        Mechanism = Layout(U, P, U);
        Info = Layout(V, CkField.Bytes(32), U, CkField.Bytes(32), V);
        SlotInfo = Layout(CkField.Bytes(64), CkField.Bytes(32), U, V, V);
        TokenInfo = Layout(CkField.Bytes(32), CkField.Bytes(32), CkField.Bytes(16), CkField.Bytes(16), U, U, U, U, U, U, U, U, U, U, U, V, V, CkField.Bytes(16));
        SessionInfo = Layout(U, U, U, U);
        MechanismInfo = Layout(U, U, U);
        InitializeArgs = Layout(P, P, P, P, U, P);
        RsaPkcsPssParams = Layout(U, U, U);
        RsaPkcsOaepParams = Layout(U, U, U, P, U);
        Ecdh1DeriveParams = Layout(U, U, P, U, P);
        GcmParams = Layout(P, U, U, P, U, U);
    }

    public int UlongSize { get; }

    public bool Packed { get; }

    /// <summary>CK_FUNCTION_LIST starts with a CK_VERSION (2 bytes); the function pointers follow, aligned or packed.</summary>
    public int FunctionListOffset => Packed ? 2 : IntPtr.Size;

    /// <summary>CK_UNAVAILABLE_INFORMATION: all ones at the width of CK_ULONG (base specification §3.2).</summary>
    public ulong UnavailableInformation => UlongSize == 8 ? ulong.MaxValue : uint.MaxValue;

    // CK_ATTRIBUTE { type, pValue, ulValueLen } (§3.4).
    public CkLayout Attribute { get; }

    // CK_MECHANISM { mechanism, pParameter, ulParameterLen } (§3.6).
    public CkLayout Mechanism { get; }

    // CK_INFO (§3.1), CK_SLOT_INFO and CK_TOKEN_INFO (§3.2), CK_SESSION_INFO (§3.3), CK_MECHANISM_INFO (§3.6).
    public CkLayout Info { get; }

    public CkLayout SlotInfo { get; }

    public CkLayout TokenInfo { get; }

    public CkLayout SessionInfo { get; }

    public CkLayout MechanismInfo { get; }

    // CK_C_INITIALIZE_ARGS (§3.7).
    public CkLayout InitializeArgs { get; }

    // Mechanism parameters (current mechanisms §2.1.7, §2.1.8, §2.3.1 and the 2.40 CK_GCM_PARAMS of §2.14.2).
    public CkLayout RsaPkcsPssParams { get; }

    public CkLayout RsaPkcsOaepParams { get; }

    public CkLayout Ecdh1DeriveParams { get; }

    public CkLayout GcmParams { get; }

    /// <summary>A CK_RV as returned in a register: only the low CK_ULONG bits are defined.</summary>
    public ulong Result(nuint rv) => UlongSize == 8 ? rv : (uint)rv;

    public ulong ReadUlong(byte* p) => UlongSize == 8 ? Unsafe.ReadUnaligned<ulong>(p) : Unsafe.ReadUnaligned<uint>(p);

    public void WriteUlong(byte* p, ulong value)
    {
        if (UlongSize == 8)
            Unsafe.WriteUnaligned(p, value);
        else
            Unsafe.WriteUnaligned(p, checked((uint)value));
    }

    /// <summary>A CK_ULONG attribute value (CKA_CLASS, CKA_KEY_TYPE, ...) in this ABI's width, little-endian.</summary>
    public byte[] EncodeUlong(ulong value)
    {
        var bytes = new byte[UlongSize];
        fixed (byte* p = bytes)
            WriteUlong(p, value);
        return bytes;
    }

    private CkLayout Layout(params CkField[] fields)
    {
        var offsets = new int[fields.Length];
        int offset = 0, structAlignment = 1;
        for (var i = 0; i < fields.Length; i++)
        {
            var (size, alignment) = fields[i].Kind switch
            {
                CkFieldKind.Ulong => (UlongSize, UlongSize),
                CkFieldKind.Pointer => (IntPtr.Size, IntPtr.Size),
                _ => (fields[i].Length, 1),
            };
            if (Packed)
                alignment = 1;
            offset = (offset + alignment - 1) / alignment * alignment;
            offsets[i] = offset;
            offset += size;
            structAlignment = Math.Max(structAlignment, alignment);
        }
        return new CkLayout((offset + structAlignment - 1) / structAlignment * structAlignment, offsets);
    }
}

internal enum CkFieldKind
{
    Ulong,
    Pointer,
    Bytes,
}

/// <summary>One field of a C structure: CK_ULONG, a pointer, or bytes (CK_UTF8CHAR[n], CK_VERSION).</summary>
internal readonly record struct CkField(CkFieldKind Kind, int Length)
{
    public static readonly CkField Ulong = new(CkFieldKind.Ulong, 0);
    public static readonly CkField Pointer = new(CkFieldKind.Pointer, 0);
    public static readonly CkField Version = Bytes(2); // CK_VERSION { CK_BYTE major, minor }

    public static CkField Bytes(int length) => new(CkFieldKind.Bytes, length);
}

/// <summary>The size of a C structure and the offset of each field, in declaration order.</summary>
internal sealed class CkLayout(int size, int[] offsets)
{
    public int Size { get; } = size;

    public int this[int field] => offsets[field];
}

/// <summary>Reads or writes the fields of one structure in declaration order.</summary>
internal unsafe ref struct CkFields(CkAbi abi, CkLayout layout, byte* start)
{
    private int _next;

    public void Ulong(ulong value) => abi.WriteUlong(Next(), value);

    public void Pointer(void* value) => Unsafe.WriteUnaligned(Next(), (nint)value);

    public ulong ReadUlong() => abi.ReadUlong(Next());

    /// <summary>A blank-padded UTF-8 field, trimmed (base specification §3.2).</summary>
    public string ReadText(int length) => System.Text.Encoding.UTF8.GetString(Next(), length).TrimEnd(' ', '\0');

    public string ReadVersion()
    {
        var p = Next();
        return $"{p[0]}.{p[1]}";
    }

    public void Skip() => Next();

    private byte* Next() => start + layout[_next++];
}
