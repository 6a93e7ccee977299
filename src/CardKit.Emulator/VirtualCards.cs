using CardKit.Emulator.FileSystem;

namespace CardKit.Emulator;

/// <summary>The built-in virtual cards: "sim" (GSM SIM), "usim" (UICC with USIM), "iso" (ISO/IEC 7816-4 card).</summary>
public static class VirtualCards
{
    /// <summary>The names <see cref="Create"/> accepts: "sim", "usim", "iso".</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["sim", "usim", "iso"];

    /// <summary>A fresh card of <paramref name="kind"/>, from the built-in data or from <paramref name="dataPath"/>.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    /// <exception cref="CardKitFormatException">The data file is invalid.</exception>
    public static FileSystemCard Create(string kind, string? dataPath = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!Kinds.Contains(kind))
            throw new ArgumentException($"unknown virtual card '{kind}': use one of {string.Join(", ", Kinds)}", nameof(kind));
        if (dataPath is not null)
        {
            using var file = File.OpenRead(dataPath);
            return CardData.Load(file, kind);
        }
        using var builtIn = typeof(VirtualCards).Assembly.GetManifestResourceStream($"CardKit.Emulator.Data.{kind}.json")
            ?? throw new InvalidOperationException($"built-in card data '{kind}' missing from the assembly");
        return CardData.Load(builtIn);
    }
}
