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

    public static string WindowsAbiBridge =>
        NativeBuild.Compile("windows_abi_bridge.c", "libcardkit-windows-abi-bridge.so", "-shared", "-fPIC", $"-DTARGET=\"{SoftHsm.ModulePath}\"");
}
