using System.Globalization;

namespace CardKit.Atr;

/// <summary>The ATR decoder's words (AtrText.resx, .fr.resx, .ru.resx); see <see cref="DecoderText"/>.</summary>
internal static partial class AtrText
{
    /// <summary>English, the language of the CLI, the JSON APIs and <see cref="AtrDefect.Message"/>.</summary>
    public static DecoderText English { get; } = DecoderText.English("CardKit.Atr.AtrText", EnglishTemplate);

    /// <summary>The words for <paramref name="culture"/>, English when there is no translation.</summary>
    public static DecoderText For(CultureInfo culture) => English.For(culture);
}
