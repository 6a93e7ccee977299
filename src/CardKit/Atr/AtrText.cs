using System.Globalization;
using System.Resources;

namespace CardKit.Atr;

/// <summary>
/// The ATR decoder's words in one language: the composite format strings of AtrText.resx (English,
/// the neutral resources) or of a translation (AtrText.fr.resx, AtrText.ru.resx). The values in them
/// (numbers, hex) are formatted invariantly in every language: they are data.
/// </summary>
internal sealed class AtrText
{
    private static readonly ResourceManager Resources = new("CardKit.Atr.AtrText", typeof(AtrText).Assembly);

    private readonly CultureInfo _culture;

    private AtrText(CultureInfo culture) => _culture = culture;

    /// <summary>English, the language of the CLI, the JSON APIs and <see cref="AtrDefect.Message"/>.</summary>
    public static AtrText English { get; } = new(CultureInfo.InvariantCulture);

    /// <summary>The words for <paramref name="culture"/>, English when there is no translation.</summary>
    public static AtrText For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName is "en" or "iv" ? English : new AtrText(culture);
    }

    /// <summary>The template named <paramref name="key"/>.</summary>
    public string this[string key] => Resources.GetString(key, _culture) ?? throw new MissingManifestResourceException($"AtrText has no '{key}'");

    /// <summary>The template named <paramref name="key"/> with its placeholders filled invariantly.</summary>
    public string Format(string key, params ReadOnlySpan<object?> args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
