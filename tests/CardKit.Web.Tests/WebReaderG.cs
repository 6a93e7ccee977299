namespace CardKit.Web.Tests;

/// <summary>Tests that put a card into the real pcscd through vpcd reader "Virtual PCD G 00 01" (this project's reader).</summary>
[CollectionDefinition(Name)]
public sealed class WebReaderG
{
    public const string Name = "Web reader G";
}
