namespace CardKit.Web;

/// <summary>The resource set of every string a visitor sees (Resources/Strings.resx, .fr.resx, .ru.resx).</summary>
public sealed class Strings;
