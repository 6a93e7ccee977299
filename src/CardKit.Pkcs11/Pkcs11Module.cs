using System.Runtime.InteropServices;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>
/// A loaded PKCS#11 module (NativeLibrary + C_GetFunctionList), initialised with OS locking.
/// Loads are reference-counted per path: two users in one process share one initialisation and
/// only the last dispose calls C_Finalize. CKR_CRYPTOKI_ALREADY_INITIALIZED (someone else in the
/// process initialised it) is accepted; the module is then never finalised by CardKit.
/// </summary>
public sealed unsafe class Pkcs11Module : IDisposable
{
    private static readonly Dictionary<string, (Pkcs11Module Module, int References)> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private readonly nint _library;
    private readonly bool _finalizeOnClose;
    private bool _disposed;

    private Pkcs11Module(string path, CkAbi abi, nint library, FunctionList functions, bool finalizeOnClose)
    {
        Path = path;
        Abi = abi;
        _library = library;
        Functions = functions;
        _finalizeOnClose = finalizeOnClose;
    }

    /// <summary>The module's full path.</summary>
    public string Path { get; }

    /// <summary>How the function list was obtained: "C_GetInterface" (PKCS#11 3.0) or "C_GetFunctionList".</summary>
    public string Entry { get; private init; } = "C_GetFunctionList";

    internal FunctionList Functions { get; }

    internal CkAbi Abi { get; }

    /// <summary>Loads the module at <paramref name="path"/> (or shares the copy this process has loaded) and initialises it.</summary>
    /// <exception cref="Pkcs11ModuleException">The file is missing or is not a PKCS#11 module.</exception>
    /// <exception cref="Pkcs11Exception">C_Initialize failed.</exception>
    public static Pkcs11Module Load(string path) => Load(path, CkAbi.Native);

    /// <summary>Loads a module built for <paramref name="abi"/> (tests load a Windows-layout module on Linux).</summary>
    internal static Pkcs11Module Load(string path, CkAbi abi)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        lock (Gate)
        {
            if (Loaded.TryGetValue(full, out var existing))
            {
                Loaded[full] = (existing.Module, existing.References + 1);
                return existing.Module;
            }
            if (!File.Exists(full))
                throw new Pkcs11ModuleException(ModuleFailure.Missing, path, $"PKCS#11 module '{path}' does not exist (SoftHSM2: apt-get install softhsm2, /usr/lib/softhsm/libsofthsm2.so)");
            nint library;
            try
            {
                library = NativeLibrary.Load(full);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                throw new Pkcs11ModuleException(ModuleFailure.NotLoadable, path, $"'{path}' cannot be loaded as a shared library: {e.Message}", e);
            }
            // PKCS#11 3.0 §5.2: C_GetInterface("PKCS 11") gives a 3.0 function list whose first part is the
            // 2.40 list; a 2.40 module has only C_GetFunctionList.
            nint list = 0;
            ulong rv;
            var entry = "C_GetFunctionList";
            if (NativeLibrary.TryGetExport(library, "C_GetInterface", out var getInterface))
            {
                nint* found;
                var name = "PKCS 11\0"u8;
                fixed (byte* n = name)
                    rv = abi.Result(((delegate* unmanaged[Cdecl]<byte*, byte*, nint**, nuint, nuint>)getInterface)(n, null, &found, 0));
                if (rv == 0 && found != null && found[1] != 0)
                {
                    list = found[1]; // CK_INTERFACE: pInterfaceName, pFunctionList, flags
                    entry = "C_GetInterface";
                }
            }
            if (list == 0)
            {
                if (!NativeLibrary.TryGetExport(library, "C_GetFunctionList", out var getFunctionList))
                {
                    NativeLibrary.Free(library);
                    throw new Pkcs11ModuleException(ModuleFailure.NotPkcs11, path, $"'{path}' is not a PKCS#11 module: it has no C_GetFunctionList");
                }
                rv = abi.Result(((delegate* unmanaged[Cdecl]<nint*, nuint>)getFunctionList)(&list));
                if (rv != 0 || list == 0)
                {
                    NativeLibrary.Free(library);
                    throw new Pkcs11Exception((ReturnValue)rv, "C_GetFunctionList");
                }
            }
            var functions = new FunctionList(list, abi);
            // CK_C_INITIALIZE_ARGS: no mutex callbacks (the OS locking the flag asks for), pReserved NULL.
            var args = stackalloc byte[abi.InitializeArgs.Size];
            new Span<byte>(args, abi.InitializeArgs.Size).Clear();
            var fields = new CkFields(abi, abi.InitializeArgs, args);
            for (var i = 0; i < 4; i++)
                fields.Skip();
            fields.Ulong(0x2); // CKF_OS_LOCKING_OK
            rv = functions.Initialize(args);
            if (rv != 0 && rv != (ulong)ReturnValue.CryptokiAlreadyInitialized)
            {
                NativeLibrary.Free(library);
                throw new Pkcs11Exception((ReturnValue)rv, "C_Initialize");
            }
            var module = new Pkcs11Module(full, abi, library, functions, finalizeOnClose: rv == 0) { Entry = entry };
            Loaded[full] = (module, 1);
            return module;
        }
    }

    /// <summary>C_GetInfo: who made the module and which PKCS#11 version it implements.</summary>
    public ModuleInfo GetInfo()
    {
        var info = stackalloc byte[Abi.Info.Size];
        Check(Functions.GetInfo(info), "C_GetInfo");
        var fields = new CkFields(Abi, Abi.Info, info);
        var cryptoki = fields.ReadVersion();
        var manufacturer = fields.ReadText(32);
        fields.Skip(); // flags (none defined)
        var description = fields.ReadText(32);
        return new ModuleInfo(manufacturer, description, cryptoki, fields.ReadVersion());
    }

    /// <summary>C_GetSlotList: the slots with a token, or all of them.</summary>
    public IReadOnlyList<Pkcs11Slot> GetSlots(bool tokenPresent = true)
    {
        var present = tokenPresent ? (byte)1 : (byte)0;
        return [.. TwoCall.Ulongs(Abi, (ids, count) => Functions.GetSlotList(present, ids, count), "C_GetSlotList").Select(id => new Pkcs11Slot(this, new SlotId((nuint)id)))];
    }

    /// <summary>
    /// C_WaitForSlotEvent without blocking (CKF_DONT_BLOCK): the slot with a new event (a token
    /// inserted or removed), or null when there is none.
    /// </summary>
    /// <exception cref="Pkcs11ModuleException">The module does not report slot events (CKR_FUNCTION_NOT_SUPPORTED; SoftHSM2 is one).</exception>
    public Pkcs11Slot? PollSlotEvent()
    {
        ulong slot = 0;
        var rv = (ReturnValue)Functions.WaitForSlotEvent(1, &slot);
        return rv switch
        {
            ReturnValue.Ok => new Pkcs11Slot(this, new SlotId((nuint)slot)),
            ReturnValue.NoEvent => null,
            ReturnValue.FunctionNotSupported => throw new Pkcs11ModuleException(ModuleFailure.NoSlotEvents, Path,
                $"{Path} does not report slot events (C_WaitForSlotEvent: CKR_FUNCTION_NOT_SUPPORTED)"),
            _ => throw new Pkcs11Exception(rv, "C_WaitForSlotEvent"),
        };
    }

    /// <summary>
    /// The slots with a token inserted or removed, as they happen, until cancelled. The module is
    /// polled every <paramref name="pollInterval"/> (default 200 ms): the blocking C_WaitForSlotEvent
    /// can only be ended by C_Finalize from another thread (base specification §5.5), which would
    /// finalise the module for everyone in the process who shares it.
    /// </summary>
    /// <exception cref="Pkcs11ModuleException">The module does not report slot events.</exception>
    public async IAsyncEnumerable<Pkcs11Slot> WatchSlotEventsAsync(TimeSpan? pollInterval = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (PollSlotEvent() is { } slot)
                yield return slot;
            else
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The slot whose token has <paramref name="label"/> (select by label: SoftHSM2 renumbers slots).</summary>
    public Pkcs11Slot? FindToken(string label) => GetSlots().FirstOrDefault(s => s.GetTokenInfo().Label == label);

    /// <summary>Drops this reference; the last one calls C_Finalize (when CardKit initialised the module) and unloads it.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
                return;
            var (module, references) = Loaded[Path];
            if (references > 1)
            {
                Loaded[Path] = (module, references - 1);
                return;
            }
            Loaded.Remove(Path);
            _disposed = true;
            if (_finalizeOnClose)
                Functions.Finalize();
            NativeLibrary.Free(_library);
        }
    }

    internal static void Check(ulong rv, string function)
    {
        if (rv != 0)
            throw new Pkcs11Exception((ReturnValue)rv, function);
    }
}
