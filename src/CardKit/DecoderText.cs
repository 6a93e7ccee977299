using System.Globalization;
using System.Resources;

namespace CardKit;

/// <summary>
/// A decoder's words in one language: the composite format strings of its .resx (English, the
/// neutral resources) or of a translation (.fr.resx, .ru.resx). The values in them (numbers, hex)
/// are formatted invariantly in every language: they are data. English comes from a table compiled
/// in from the .resx (CardKit.csproj writes it), so a program that speaks English never builds a
/// ResourceManager (under native AOT its constructor alone costs `cardkit atr` 3% of its
/// instructions); the translations' ResourceManager is built on the first translated word.
/// </summary>
internal sealed class DecoderText
{
    private readonly string _baseName;
    private readonly Func<string, string?> _english;
    private readonly Lazy<ResourceManager> _translations;
    private readonly CultureInfo? _culture;

    private DecoderText(string baseName, Func<string, string?> english, Lazy<ResourceManager> translations, CultureInfo? culture)
    {
        _baseName = baseName;
        _english = english;
        _translations = translations;
        _culture = culture;
    }

    /// <summary>The English words of the resources named <paramref name="baseName"/>, looked up in <paramref name="english"/>.</summary>
    public static DecoderText English(string baseName, Func<string, string?> english) =>
        new(baseName, english, new Lazy<ResourceManager>(() => new ResourceManager(baseName, typeof(DecoderText).Assembly)), null);

    /// <summary>The same decoder's words for <paramref name="culture"/>, English when there is no translation.</summary>
    public DecoderText For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // By name: a process in invariant globalization mode has cultures with names but no data.
        var name = culture.Name;
        return name.Length == 0 || name == "en" || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase)
            ? this
            : new DecoderText(_baseName, _english, _translations, culture);
    }

    /// <summary>The template named <paramref name="key"/>.</summary>
    public string this[string key] =>
        (_culture is null ? _english(key) : _translations.Value.GetString(key, _culture))
        ?? throw new MissingManifestResourceException($"{_baseName} has no '{key}'");

    /// <summary>The template named <paramref name="key"/> with its placeholders filled invariantly.</summary>
    public string Format(string key, params ReadOnlySpan<object?> args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
