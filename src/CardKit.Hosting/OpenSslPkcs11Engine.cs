using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using CardKit.Pkcs11;

namespace CardKit.Hosting;

/// <summary>
/// The one-time, process-wide set-up of OpenSSL's pkcs11 engine (libengine-pkcs11-openssl) that TLS
/// with a key in a token needs (<see cref="TokenCertificate"/>). <see cref="Configure"/> writes an
/// OpenSSL configuration that loads the engine with MODULE_PATH set to the module, and SETS THE
/// OPENSSL_CONF ENVIRONMENT VARIABLE OF THE WHOLE PROCESS to it (with libc setenv, the environment
/// OpenSSL reads; .NET's own copy is not changed), so every OpenSSL user in the process sees it.
/// Make it once, early (before the process first uses OpenSSL, so that OpenSSL reads it), keep it
/// while token keys are in use, and dispose it at the end: that deletes the file and puts
/// OPENSSL_CONF back as it was. Only one can exist at a time.
/// </summary>
public sealed partial class OpenSslPkcs11Engine : IDisposable
{
    private const string Variable = "OPENSSL_CONF";
    private static readonly Lock Gate = new();
    private static OpenSslPkcs11Engine? _current;

    private readonly string? _previous;
    private bool _disposed;

    private OpenSslPkcs11Engine(string modulePath, string enginePath, string configurationPath, string? previous)
    {
        ModulePath = modulePath;
        EnginePath = enginePath;
        ConfigurationPath = configurationPath;
        _previous = previous;
    }

    /// <summary>Where the engine is looked for, in order (Debian's multiarch directories first).</summary>
    public static IReadOnlyList<string> EngineSearchPaths { get; } =
        ["/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so", "/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so", "/usr/lib/engines-3/pkcs11.so"];

    /// <summary>The PKCS#11 module the engine opens keys with.</summary>
    public string ModulePath { get; }

    /// <summary>The engine found.</summary>
    public string EnginePath { get; }

    /// <summary>The OpenSSL configuration written, which OPENSSL_CONF names while this lives.</summary>
    public string ConfigurationPath { get; }

    /// <summary>Sets up the engine for <paramref name="modulePath"/> and points OPENSSL_CONF at it, for the whole process.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="Pkcs11ModuleException">The engine is not installed (<see cref="ModuleFailure.HelperMissing"/>).</exception>
    /// <exception cref="InvalidOperationException">Another set-up is alive in this process.</exception>
    public static OpenSslPkcs11Engine Configure(string modulePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modulePath);
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("keys in a token for TLS need OpenSSL's pkcs11 engine, which CardKit uses on Linux only");
        var engine = EngineSearchPaths.FirstOrDefault(File.Exists)
            ?? throw new Pkcs11ModuleException(ModuleFailure.HelperMissing, modulePath, "OpenSSL's pkcs11 engine is missing: apt-get install libengine-pkcs11-openssl");
        lock (Gate)
        {
            if (_current is not null)
                throw new InvalidOperationException($"OpenSSL's pkcs11 engine is already set up in this process (for {_current.ModulePath}); dispose that first");
            var configuration = Path.Combine(Path.GetTempPath(), $"cardkit-openssl-{Environment.ProcessId}-{Guid.NewGuid():N}.cnf");
            File.WriteAllText(configuration, $"""
                openssl_conf = openssl_init
                [openssl_init]
                engines = engine_section
                [engine_section]
                pkcs11 = pkcs11_section
                [pkcs11_section]
                engine_id = pkcs11
                dynamic_path = {engine}
                MODULE_PATH = {Path.GetFullPath(modulePath)}
                init = 0
                """);
            var previous = Marshal.PtrToStringUTF8(getenv(Variable));
            if (setenv(Variable, configuration, 1) != 0)
            {
                File.Delete(configuration);
                throw new Pkcs11ModuleException(ModuleFailure.HelperMissing, modulePath, "could not set OPENSSL_CONF for the pkcs11 engine");
            }
            return _current = new OpenSslPkcs11Engine(modulePath, engine, configuration, previous);
        }
    }

    /// <summary>The PEM certificate at <paramref name="certificatePath"/> with its private key in the token, opened through the engine.</summary>
    /// <exception cref="Pkcs11Exception">The certificate cannot be read or the key cannot be opened.</exception>
    public X509Certificate2 LoadCertificate(string certificatePath, Pkcs11Uri keyUri, string pin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return TokenCertificate.Load(certificatePath, keyUri, pin);
    }

    /// <summary>Deletes the configuration and sets OPENSSL_CONF back to what it was (unset if it was).</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_previous is null)
                _ = unsetenv(Variable);
            else
                _ = setenv(Variable, _previous, 1);
            File.Delete(ConfigurationPath);
            _current = null;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
