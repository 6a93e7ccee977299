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
        if (setenv("SOFTHSM2_CONF", hsm.ConfigPath, 1) != 0)
            throw new InvalidOperationException("setenv SOFTHSM2_CONF failed");
        hsm.InitToken(Label);
        hsm.InitToken(Interop);
        hsm.InitToken(WrongPin);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
