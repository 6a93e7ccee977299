using System.Text.Json;
using CardKit.Atr;
using CardKit.Web.Atr;

namespace CardKit.Web.Tests;

public sealed class ParseDocumentCacheTests
{
    [Fact]
    public void A_cached_document_is_the_one_the_library_serialises()
    {
        var cache = new ParseDocumentCache();
        var atr = AtrParser.Parse(TestLists.Mifare1K);
        var expected = JsonSerializer.SerializeToUtf8Bytes(AtrParseDocument.From(atr), CardKitJsonContext.Default.AtrParseDocument);
        Assert.Equal(expected, cache.Get(atr));
        Assert.Same(cache.Get(atr), cache.Get(AtrParser.Parse(TestLists.Mifare1K.ToLowerInvariant())));
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new ParseDocumentCache();
        for (var i = 0; i < ParseDocumentCache.Capacity * 2 + 10; i++)
        {
            var atr = AtrParser.Parse([0x3B, 0x02, (byte)(i >> 8), (byte)i]);
            var json = JsonDocument.Parse(cache.Get(atr));
            Assert.Equal((byte)i, json.RootElement.GetProperty("atr")[3].GetInt32());
            Assert.InRange(cache.Count, 1, ParseDocumentCache.Capacity);
        }
    }
}
