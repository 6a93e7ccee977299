using System.Globalization;

namespace CardKit.Atr;

/// <summary>One defect with where it is and, for a wrong TCK, the value expected.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Offset">Offset of the byte concerned.</param>
/// <param name="Message">What is wrong, for a person, in English (<see cref="MessageIn"/> gives it in another language).</param>
/// <param name="Expected">For a wrong or missing TCK, the value it should have.</param>
public sealed record AtrDefect(AtrDefectKind Kind, int Offset, string Message, byte? Expected = null)
{
    // The parser's defects keep the template of their message and its values, to say it in another language.
    private readonly string? _template;
    private readonly object?[] _values = [];

    internal AtrDefect(AtrDefectKind kind, int offset, byte? expected, string template, params object?[] values)
        : this(kind, offset, AtrText.English.Format(template, values), expected)
    {
        _template = template;
        _values = values;
    }

    /// <summary>False for the informational kind (a raw inverse capture that was converted).</summary>
    public bool IsError => Kind != AtrDefectKind.ConvertedFromRawInverse;

    /// <summary><see cref="Message"/> in the language of <paramref name="culture"/> (French, Russian; English otherwise).</summary>
    public string MessageIn(CultureInfo culture)
    {
        var text = AtrText.For(culture);
        return _template is null || ReferenceEquals(text, AtrText.English) ? Message : text.Format(_template, _values);
    }

    /// <summary>Equal when kind, offset, message and expected value are (the message says the values).</summary>
    public bool Equals(AtrDefect? other) =>
        other is not null && Kind == other.Kind && Offset == other.Offset && Message == other.Message && Expected == other.Expected;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Offset, Message, Expected);
}
