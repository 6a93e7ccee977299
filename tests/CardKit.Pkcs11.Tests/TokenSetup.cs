using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// SoftHSM2 reads SOFTHSM2_CONF from the native environment when the module is loaded, and .NET's
/// Environment.SetEnvironmentVariable does not change that on Unix: set it with libc setenv before
/// any test loads the module, and create the tokens the tests use (SoftHSM2 sees tokens that exist
/// at C_Initialize).
/// </summary>
internal static partial class TokenSetup
{
    public const string Label = "cardkit-lib";
    public const string Interop = "cardkit-interop";
    public const string WrongPin = "cardkit-wrong-pin";

    [ModuleInitializer]
    internal static void Initialize()
    {
        var hsm = SoftHsm.Instance;
        SetNativeEnvironment("SOFTHSM2_CONF", hsm.ConfigPath);
        hsm.InitToken(Label);
        hsm.InitToken(Interop);
        hsm.InitToken(WrongPin);
    }

    /// <summary>Sets a variable where native modules read it (getenv), which Environment.SetEnvironmentVariable does not reach on Unix.</summary>
    public static void SetNativeEnvironment(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv {name} failed");
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
