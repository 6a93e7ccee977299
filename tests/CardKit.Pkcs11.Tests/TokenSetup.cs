using System.Runtime.CompilerServices;
using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>
/// SoftHSM2 reads SOFTHSM2_CONF from the native environment when the module is loaded: set it
/// before any test loads the module, and create the tokens the tests use (SoftHSM2 sees tokens that
/// exist at C_Initialize).
/// </summary>
internal static class TokenSetup
{
    public const string Label = "cardkit-lib";
    public const string Interop = "cardkit-interop";
    public const string WrongPin = "cardkit-wrong-pin";

    [ModuleInitializer]
    internal static void Initialize()
    {
        var hsm = SoftHsm.Instance;
        NativeEnvironment.Set("SOFTHSM2_CONF", hsm.ConfigPath);
        hsm.InitToken(Label);
        hsm.InitToken(Interop);
        hsm.InitToken(WrongPin);
    }
}
