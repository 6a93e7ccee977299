using System.Runtime.InteropServices;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>A CK_MECHANISM in a module's layout, its parameter block and everything the parameters point to, in unmanaged memory.</summary>
public sealed unsafe class NativeMechanism : IDisposable
{
    private readonly List<nint> _allocations = [];

    internal NativeMechanism(CkAbi abi, MechanismType type)
    {
        Abi = abi;
        Pointer = (byte*)Alloc(abi.Mechanism.Size);
        new CkFields(abi, abi.Mechanism, Pointer).Ulong((ulong)type);
    }

    internal NativeMechanism(CkAbi abi, SignatureScheme scheme)
        : this(abi, scheme.MechanismType)
    {
        if (scheme.Pss is { } pss)
        {
            var p = Parameter(abi.RsaPkcsPssParams);
            p.Ulong((ulong)pss.Hash);
            p.Ulong((ulong)pss.Mgf);
            p.Ulong((ulong)pss.Salt);
        }
    }

    internal CkAbi Abi { get; }

    internal byte* Pointer { get; private set; }

    /// <summary>Allocates the parameter structure of <paramref name="layout"/>, points the mechanism at it and returns its fields to fill in.</summary>
    internal CkFields Parameter(CkLayout layout)
    {
        var p = Alloc(layout.Size);
        SetParameter(p, layout.Size);
        return new CkFields(Abi, layout, (byte*)p);
    }

    internal void* Alloc(int size)
    {
        var p = NativeMemory.AllocZeroed((nuint)Math.Max(1, size));
        _allocations.Add((nint)p);
        return p;
    }

    internal byte* Copy(ReadOnlySpan<byte> data)
    {
        var p = (byte*)Alloc(data.Length);
        data.CopyTo(new Span<byte>(p, data.Length));
        return p;
    }

    internal void SetParameter(void* parameter, int length)
    {
        var fields = new CkFields(Abi, Abi.Mechanism, Pointer);
        fields.Skip();
        fields.Pointer(parameter);
        fields.Ulong((ulong)length);
    }

    /// <summary>Frees the structure and everything its parameters point to.</summary>
    public void Dispose()
    {
        foreach (var p in _allocations)
            NativeMemory.Free((void*)p);
        _allocations.Clear();
        Pointer = null;
    }
}
