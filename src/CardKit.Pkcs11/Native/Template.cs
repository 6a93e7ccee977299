using System.Runtime.InteropServices;

namespace CardKit.Pkcs11.Native;

/// <summary>A CK_ATTRIBUTE array and its values in unmanaged memory, freed on dispose.</summary>
internal sealed unsafe class Template : IDisposable
{
    private readonly List<nint> _allocations = [];

    public Template(IReadOnlyList<AttributeValue> attributes)
    {
        Count = (nuint)attributes.Count;
        Pointer = (CkAttribute*)Alloc(sizeof(CkAttribute) * Math.Max(1, attributes.Count));
        for (var i = 0; i < attributes.Count; i++)
        {
            var value = attributes[i].Encode();
            var data = value.Length == 0 ? null : Alloc(value.Length);
            value.CopyTo(new Span<byte>(data, value.Length));
            Pointer[i] = new CkAttribute { Type = (nuint)attributes[i].Type, Value = data, ValueLength = (nuint)value.Length };
        }
    }

    public CkAttribute* Pointer { get; }

    public nuint Count { get; }

    private void* Alloc(int size)
    {
        var p = NativeMemory.AllocZeroed((nuint)size);
        _allocations.Add((nint)p);
        return p;
    }

    public void Dispose()
    {
        foreach (var p in _allocations)
            NativeMemory.Free((void*)p);
        _allocations.Clear();
    }
}
