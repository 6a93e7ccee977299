using System.Collections.Concurrent;
using System.Text.Json;
using CardKit.Atr;

namespace CardKit.Web.Atr;

/// <summary>
/// The parse2json document of each ATR seen lately, serialised once: the decoding depends on the
/// bytes only, and a public service sees the same popular ATRs again and again. Bounded (emptied
/// when full), so memory stays flat however many distinct ATRs arrive.
/// </summary>
public sealed class ParseDocumentCache
{
    /// <summary>How many documents are kept at most.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    /// <summary>How many documents are held now.</summary>
    public int Count => _documents.Count;

    /// <summary>The UTF-8 JSON of <see cref="AtrParseDocument.From"/> for <paramref name="atr"/>.</summary>
    public byte[] Get(AnswerToReset atr)
    {
        ArgumentNullException.ThrowIfNull(atr);
        var key = Convert.ToHexString(atr.Bytes);
        if (_documents.TryGetValue(key, out var json))
            return json;
        json = JsonSerializer.SerializeToUtf8Bytes(AtrParseDocument.From(atr), CardKitJsonContext.Default.AtrParseDocument);
        if (_documents.Count >= Capacity)
            _documents.Clear();
        _documents[key] = json;
        return json;
    }
}
