using CardKit.Pkcs11;
using CardKit.Testing;

namespace CardKit.Hosting.Tests;

/// <summary>Which PKCS#11 module a host uses: the one named, else $PKCS11_MODULE, else an installed SoftHSM2.</summary>
public class Pkcs11ModulesTests
{
    [Fact]
    public void A_named_module_wins_then_the_variable_then_SoftHSM2_where_it_is_installed()
    {
        Assert.Equal("/named.so", Pkcs11Modules.Resolve("/named.so", "/from-env.so", _ => true));
        Assert.Equal("/from-env.so", Pkcs11Modules.Resolve(null, "/from-env.so", _ => true));
        Assert.Equal("/from-env.so", Pkcs11Modules.Resolve("", "/from-env.so", _ => true));
        Assert.Equal(Pkcs11Modules.SoftHsmPaths[1], Pkcs11Modules.Resolve(null, "", p => p == Pkcs11Modules.SoftHsmPaths[1]));
        Assert.Null(Pkcs11Modules.Resolve(null, null, _ => false));
    }

    [Fact]
    public void Debian_s_SoftHSM2_is_found_and_a_named_module_is_loaded_as_named()
    {
        Assert.Equal("/named.so", Pkcs11Modules.Resolve("/named.so"));
        var e = Assert.Throws<Pkcs11ModuleException>(() => Pkcs11Modules.Load("/no/such/module.so"));
        Assert.Equal((ModuleFailure.Missing, "/no/such/module.so", ErrorCategory.Environment), (e.Failure, e.ModulePath, e.Category));
        Assert.Contains(SoftHsm.ModulePath, Pkcs11Modules.SoftHsmPaths);
    }
}
