using System.Globalization;
using System.Resources;

namespace CardKit.Iso7816;

/// <summary>
/// The APDU decoder's words in one language: the composite format strings of Iso7816Text.resx
/// (English, the neutral resources) or of a translation (Iso7816Text.fr.resx, Iso7816Text.ru.resx).
/// Command names (SELECT, VERIFY, ...) are the standard's names in every language and stay in code
/// (<see cref="InstructionNames"/>); the values in the templates (numbers, hex) are formatted
/// invariantly in every language: they are data. English is compiled in from Iso7816Text.resx
/// (CardKit.csproj writes <c>EnglishTemplate</c>), so `cardkit send` and `script` never build a
/// ResourceManager.
/// </summary>
internal sealed partial class Iso7816Text
{
    private readonly CultureInfo? _culture;

    private Iso7816Text(CultureInfo? culture) => _culture = culture;

    /// <summary>English, the language of the CLI, the JSON traces and the culture-less methods.</summary>
    public static Iso7816Text English { get; } = new(null);

    /// <summary>The words for <paramref name="culture"/>, English when there is no translation.</summary>
    public static Iso7816Text For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // By name: a process in invariant globalization mode has cultures with names but no data.
        var name = culture.Name;
        return name.Length == 0 || name == "en" || name.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? English : new Iso7816Text(culture);
    }

    /// <summary>The template named <paramref name="key"/>.</summary>
    public string this[string key] =>
        (_culture is null ? EnglishTemplate(key) : Translations.Resources.GetString(key, _culture))
        ?? throw new MissingManifestResourceException($"Iso7816Text has no '{key}'");

    /// <summary>The template named <paramref name="key"/> with its placeholders filled invariantly.</summary>
    public string Format(string key, params ReadOnlySpan<object?> args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    // Built on the first translated line only.
    private static class Translations
    {
        public static readonly ResourceManager Resources = new("CardKit.Iso7816.Iso7816Text", typeof(Iso7816Text).Assembly);
    }
}
