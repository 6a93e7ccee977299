using System.Globalization;
using CardKit.Testing.Captures;

namespace CardKit.Benchmarks;

/// <summary>
/// Writes the tests' generated captures to a file for bench/spy:
///   capture standard FILE          the standard three-reader capture (pcapng)
///   capture large FILE BYTES       reader A's exchanges repeated until the file has BYTES bytes
/// </summary>
internal static class CaptureGenerator
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: capture standard|large FILE [BYTES]");
            return 2;
        }
        using var file = new FileStream(args[2], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        if (args[1] == "large")
            CcidTestCaptures.Large(file, long.Parse(args[3], CultureInfo.InvariantCulture));
        else
            CcidTestCaptures.Standard(file);
        return 0;
    }
}
