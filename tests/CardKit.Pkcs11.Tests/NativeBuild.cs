using CardKit.Testing;

namespace CardKit.Pkcs11.Tests;

/// <summary>Builds the C fixtures in Native/ with the system gcc against p11-kit's pkcs11.h (libp11-kit-dev).</summary>
internal static class NativeBuild
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, string> Built = [];

    /// <summary>Compiles <paramref name="source"/> (a file in Native/) once per process with <paramref name="flags"/>; returns the output path.</summary>
    public static string Compile(string source, string output, params string[] flags)
    {
        lock (Gate)
        {
            var key = output + " " + string.Join(' ', flags);
            if (Built.TryGetValue(key, out var path))
                return path;
            path = Path.Combine(SoftHsm.Instance.Directory, output);
            var input = Path.Combine(AppContext.BaseDirectory, "Native", source);
            var (exitCode, text) = SoftHsm.Instance.Run("gcc", ["-Wall", "-Werror", "-O1", "-I/usr/include/p11-kit-1", .. flags, input, "-o", path, "-ldl"]);
            if (exitCode != 0)
                throw new InvalidOperationException($"gcc {source} failed: {text}");
            Built[key] = path;
            return path;
        }
    }
}
