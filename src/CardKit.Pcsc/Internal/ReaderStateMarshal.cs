using System.Runtime.InteropServices;

namespace CardKit.Pcsc.Internal;

/// <summary>A platform's SCARD_READERSTATE layout, as <see cref="ReaderStateMarshal"/> needs it.</summary>
internal interface INativeReaderState<TSelf>
    where TSelf : unmanaged, INativeReaderState<TSelf>
{
    /// <summary>The reader name in the platform's encoding (UTF-8, or UTF-16 for the W functions), freed with FreeCoTaskMem.</summary>
    static abstract nint AllocateName(string name);

    static abstract TSelf Create(nint name, uint currentState);

    uint Event { get; }

    byte[] CopyAtr();
}

/// <summary>SCardGetStatusChange's array in and out: the same steps for every platform layout.</summary>
internal static unsafe class ReaderStateMarshal
{
    /// <summary>Builds the native array, lets <paramref name="call"/> pass it (pointer, count) to the platform, copies the results back.</summary>
    public static uint GetStatusChange<T>(Span<ReaderStatus> readers, Func<nint, uint, uint> call)
        where T : unmanaged, INativeReaderState<T>
    {
        var native = new T[readers.Length];
        var names = new nint[readers.Length];
        try
        {
            for (var i = 0; i < readers.Length; i++)
            {
                names[i] = T.AllocateName(readers[i].Name);
                native[i] = T.Create(names[i], readers[i].CurrentState);
            }
            uint rc;
            fixed (T* p = native)
                rc = call((nint)p, (uint)native.Length);
            for (var i = 0; i < readers.Length; i++)
            {
                readers[i].EventState = native[i].Event;
                readers[i].Atr = native[i].CopyAtr();
            }
            return rc;
        }
        finally
        {
            foreach (var name in names)
                Marshal.FreeCoTaskMem(name);
        }
    }
}
