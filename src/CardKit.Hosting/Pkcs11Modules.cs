using CardKit.Pkcs11;

namespace CardKit.Hosting;

/// <summary>
/// Which PKCS#11 module a host uses when none is named: <c>$PKCS11_MODULE</c>, else SoftHSM2 where
/// its Debian or source build installs it. A host decision, so it lives here and not in CardKit.Pkcs11.
/// </summary>
public static class Pkcs11Modules
{
    /// <summary>The environment variable that names the module: PKCS11_MODULE (as OpenSC's tools and p11-kit read it).</summary>
    public const string EnvironmentVariable = "PKCS11_MODULE";

    /// <summary>Where SoftHSM2's module is looked for, in order.</summary>
    public static IReadOnlyList<string> SoftHsmPaths { get; } =
        ["/usr/lib/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"];

    /// <summary>The module to use: <paramref name="path"/> when given, else $PKCS11_MODULE, else SoftHSM2 where installed.</summary>
    /// <exception cref="Pkcs11ModuleException">None of them (<see cref="ModuleFailure.NotConfigured"/>).</exception>
    public static string Resolve(string? path) =>
        Resolve(path, Environment.GetEnvironmentVariable(EnvironmentVariable), File.Exists)
        ?? throw new Pkcs11ModuleException(ModuleFailure.NotConfigured, null,
            $"no PKCS#11 module: {EnvironmentVariable} is not set and SoftHSM2 is not installed (apt-get install softhsm2)");

    /// <summary>Loads the module <see cref="Resolve(string?)"/> picks.</summary>
    /// <exception cref="Pkcs11ModuleException">No module, or it cannot be loaded.</exception>
    public static Pkcs11Module Load(string? path) => Pkcs11Module.Load(Resolve(path));

    internal static string? Resolve(string? path, string? fromEnvironment, Func<string, bool> exists) =>
        path is { Length: > 0 } ? path
        : fromEnvironment is { Length: > 0 } ? fromEnvironment
        : SoftHsmPaths.FirstOrDefault(exists);
}
