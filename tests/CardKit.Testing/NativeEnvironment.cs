using System.Runtime.InteropServices;

namespace CardKit.Testing;

/// <summary>
/// The process environment native libraries read (getenv): SoftHSM2 reads SOFTHSM2_CONF when it is
/// initialised, OpenSC's spy PKCS11SPY. .NET's Environment.SetEnvironmentVariable does not reach it
/// on Unix; libc setenv does.
/// </summary>
public static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for native code in this process.</summary>
    public static void Set(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv {name} failed");
    }

    /// <summary>The value native code sees, or null.</summary>
    public static string? Get(string name) => Marshal.PtrToStringUTF8(getenv(name));

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
