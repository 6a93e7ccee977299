using System.Globalization;

namespace CardKit.Iso7816;

/// <summary>
/// The APDU decoder's words (Iso7816Text.resx, .fr.resx, .ru.resx); see <see cref="DecoderText"/>.
/// Command names (SELECT, VERIFY, ...) are the standard's names in every language and stay in code
/// (<see cref="InstructionNames"/>).
/// </summary>
internal static partial class Iso7816Text
{
    /// <summary>English, the language of the CLI, the JSON traces and the culture-less methods.</summary>
    public static DecoderText English { get; } = DecoderText.English("CardKit.Iso7816.Iso7816Text", EnglishTemplate);

    /// <summary>The words for <paramref name="culture"/>, English when there is no translation.</summary>
    public static DecoderText For(CultureInfo culture) => English.For(culture);
}
