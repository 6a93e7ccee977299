using CardKit.Pkcs11.Native;
using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// The module a test runs against, by ABI: "Unix" is SoftHSM2 loaded directly; "Windows" is the
/// same SoftHSM2 behind Native/windows_abi_bridge.c, a module with the Windows layouts (32-bit
/// CK_ULONG, packed structures), driven through CardKit's Windows call path.
/// </summary>
internal static class TestModules
{
    public static Pkcs11Module Load(string abi) => abi switch
    {
        "Unix" => Pkcs11Module.Load(SoftHsm.ModulePath),
        "Windows" => Pkcs11Module.Load(WindowsAbiBridge, CkAbi.Windows),
        _ => throw new ArgumentException($"unknown ABI {abi}", nameof(abi)),
    };

    /// <summary>The module for <paramref name="abi"/> and a read-write session on the library test token, logged in as the user.</summary>
    public static (Pkcs11Module Module, Pkcs11Session Session) OpenLoggedIn(string abi)
    {
        var module = Load(abi);
        var session = module.FindToken(TokenSetup.Label)!.OpenSession(readWrite: true);
        session.Login(SoftHsm.Pin);
        return (module, session);
    }

    public static string WindowsAbiBridge =>
        NativeBuild.Compile("windows_abi_bridge.c", "libcardkit-windows-abi-bridge.so", "-shared", "-fPIC", $"-DTARGET=\"{SoftHsm.ModulePath}\"");
}
