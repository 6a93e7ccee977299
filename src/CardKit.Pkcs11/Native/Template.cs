using System.Runtime.InteropServices;

namespace CardKit.Pkcs11.Native;

/// <summary>
/// A CK_ATTRIBUTE array in a module's layout, with the values it points to, in unmanaged memory
/// freed on dispose. Built from values (create, find, generate) or from types alone with room to be
/// filled (C_GetAttributeValue).
/// </summary>
internal sealed unsafe class Template : IDisposable
{
    private readonly List<nint> _allocations = [];
    private readonly CkAbi _abi;
    private readonly byte* _array;

    public Template(CkAbi abi, IReadOnlyList<AttributeValue> attributes)
        : this(abi, attributes.Count)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var value = attributes[i].Encode(abi);
            var data = value.Length == 0 ? null : Alloc(value.Length);
            value.CopyTo(new Span<byte>(data, value.Length));
            Set(i, (ulong)attributes[i].Type, data, (ulong)value.Length);
        }
    }

    public Template(CkAbi abi, int count)
    {
        _abi = abi;
        Count = (nuint)count;
        _array = (byte*)Alloc(abi.Attribute.Size * Math.Max(1, count));
    }

    public byte* Pointer => _array;

    public nuint Count { get; }

    public void Set(int index, ulong type, void* value, ulong length)
    {
        var fields = Fields(index);
        fields.Ulong(type);
        fields.Pointer(value);
        fields.Ulong(length);
    }

    /// <summary>ulValueLen as the module left it; CK_UNAVAILABLE_INFORMATION (sensitive, absent) comes back as null.</summary>
    public ulong? Length(int index)
    {
        var fields = Fields(index);
        fields.Skip();
        fields.Skip();
        var length = fields.ReadUlong();
        return length == _abi.UnavailableInformation ? null : length;
    }

    private CkFields Fields(int index) => new(_abi, _abi.Attribute, _array + index * _abi.Attribute.Size);

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
