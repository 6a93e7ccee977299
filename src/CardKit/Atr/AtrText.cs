using System.Globalization;
using System.Resources;

namespace CardKit.Atr;

/// <summary>
/// The ATR decoder's words in one language: the composite format strings of AtrText.resx (English,
/// the neutral resources) or of a translation (AtrText.fr.resx, AtrText.ru.resx). The values in them
/// (numbers, hex) are formatted invariantly in every language: they are data. English is compiled in
/// from AtrText.resx (CardKit.csproj writes <c>EnglishTemplate</c>), so the CLI never builds a
/// ResourceManager.
/// </summary>
internal sealed partial class AtrText
{
    private readonly CultureInfo? _culture;

    private AtrText(CultureInfo? culture) => _culture = culture;

    /// <summary>English, the language of the CLI, the JSON APIs and <see cref="AtrDefect.Message"/>.</summary>
    public static AtrText English { get; } = new(null);

    /// <summary>The words for <paramref name="culture"/>, English when there is no translation.</summary>
    public static AtrText For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // By name: a process in invariant globalization mode has cultures with names but no data.
        var name = culture.Name;
        return name.Length == 0 || name == "en" || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? English : new AtrText(culture);
    }

    /// <summary>The template named <paramref name="key"/>.</summary>
    public string this[string key] =>
        (_culture is null ? EnglishTemplate(key) : Translations.Resources.GetString(key, _culture))
        ?? throw new MissingManifestResourceException($"AtrText has no '{key}'");

    /// <summary>The template named <paramref name="key"/> with its placeholders filled invariantly.</summary>
    public string Format(string key, params ReadOnlySpan<object?> args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    // Built on the first translated line only.
    private static class Translations
    {
        public static readonly ResourceManager Resources = new("CardKit.Atr.AtrText", typeof(AtrText).Assembly);
    }
}
