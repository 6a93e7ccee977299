using System.Runtime.InteropServices;
using CardKit.Pkcs11.Native;

namespace CardKit.Pkcs11;

/// <summary>Library information (C_GetInfo).</summary>
public sealed record ModuleInfo(string Manufacturer, string Description, string CryptokiVersion, string LibraryVersion);

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

    public string Path { get; }

    /// <summary>How the function list was obtained: "C_GetInterface" (PKCS#11 3.0) or "C_GetFunctionList".</summary>
    public string Entry { get; private init; } = "C_GetFunctionList";

    internal FunctionList Functions { get; }

    internal CkAbi Abi { get; }

    /// <summary>The module to use: the given path, else $PKCS11_MODULE, else SoftHSM2 where installed.</summary>
    public static string? DefaultPath() =>
        Environment.GetEnvironmentVariable("PKCS11_MODULE") is { Length: > 0 } fromEnv ? fromEnv : SoftHsmPaths.FirstOrDefault(File.Exists);

    private static readonly string[] SoftHsmPaths = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"];

    /// <exception cref="Pkcs11Exception">The file is missing or is not a PKCS#11 module, or C_Initialize failed.</exception>
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
                throw new Pkcs11ModuleException($"PKCS#11 module '{path}' does not exist (SoftHSM2: apt-get install softhsm2, /usr/lib/softhsm/libsofthsm2.so)");
            nint library;
            try
            {
                library = NativeLibrary.Load(full);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                throw new Pkcs11ModuleException($"'{path}' cannot be loaded as a shared library: {e.Message}", e);
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
                    throw new Pkcs11ModuleException($"'{path}' is not a PKCS#11 module: it has no C_GetFunctionList");
                }
                rv = abi.Result(((delegate* unmanaged[Cdecl]<nint*, nuint>)getFunctionList)(&list));
                if (rv != 0 || list == 0)
                {
                    NativeLibrary.Free(library);
                    throw new Pkcs11Exception(rv, "C_GetFunctionList");
                }
            }
            var functions = new FunctionList(list, abi);
            // CK_C_INITIALIZE_ARGS: no mutex callbacks (the OS locking the flag asks for), pReserved NULL.
            var args = stackalloc byte[abi.InitializeArgs.Size];
            new Span<byte>(args, abi.InitializeArgs.Size).Clear();
            var fields = new CkFields(abi, abi.InitializeArgs, args);
            for (var i = 0; i < 4; i++)
                fields.Skip();
            fields.Ulong(Ck.InitOsLockingOk);
            rv = functions.Initialize(args);
            if (rv != 0 && rv != 0x191)
            {
                NativeLibrary.Free(library);
                throw new Pkcs11Exception(rv, "C_Initialize");
            }
            var module = new Pkcs11Module(full, abi, library, functions, finalizeOnClose: rv == 0) { Entry = entry };
            Loaded[full] = (module, 1);
            return module;
        }
    }

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

    /// <summary>C_GetSlotList with the two-call size pattern.</summary>
    public IReadOnlyList<Pkcs11Slot> GetSlots(bool tokenPresent = true)
    {
        ulong count = 0;
        Check(Functions.GetSlotList(tokenPresent ? (byte)1 : (byte)0, null, &count), "C_GetSlotList");
        var ids = new byte[(int)count * Abi.UlongSize];
        fixed (byte* p = ids)
        {
            Check(Functions.GetSlotList(tokenPresent ? (byte)1 : (byte)0, p, &count), "C_GetSlotList");
            return ReadUlongs(p, count).Select(id => new Pkcs11Slot(this, (nuint)id)).ToList();
        }
    }

    /// <summary>
    /// C_WaitForSlotEvent without blocking (CKF_DONT_BLOCK): the slot with a new event, or null when
    /// there is none; null too when the module does not report slot events (CKR_FUNCTION_NOT_SUPPORTED).
    /// </summary>
    public Pkcs11Slot? PollSlotEvent(out bool supported)
    {
        ulong slot = 0;
        var rv = Functions.WaitForSlotEvent(1, &slot);
        supported = rv != 0x54;
        if (rv == 0)
            return new Pkcs11Slot(this, (nuint)slot);
        if (rv is 0x8 or 0x54) // CKR_NO_EVENT, CKR_FUNCTION_NOT_SUPPORTED
            return null;
        throw new Pkcs11Exception(rv, "C_WaitForSlotEvent");
    }

    /// <summary>The slot whose token has <paramref name="label"/> (select by label: SoftHSM2 renumbers slots).</summary>
    public Pkcs11Slot? FindToken(string label) => GetSlots().FirstOrDefault(s => s.GetTokenInfo().Label == label);

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
            throw new Pkcs11Exception(rv, function);
    }

    /// <summary>The first <paramref name="count"/> elements of a CK_ULONG array the module filled in.</summary>
    internal List<ulong> ReadUlongs(byte* array, ulong count)
    {
        var result = new List<ulong>((int)count);
        for (var i = 0; i < (int)count; i++)
            result.Add(Abi.ReadUlong(array + i * Abi.UlongSize));
        return result;
    }
}
