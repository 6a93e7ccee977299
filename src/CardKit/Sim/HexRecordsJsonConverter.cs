using System.Text.Json;
using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>Records as an array of hex strings without spaces ("566F696365FF..."), the way backups keep them.</summary>
internal sealed class HexRecordsJsonConverter : JsonConverter<IReadOnlyList<byte[]>>
{
    public override IReadOnlyList<byte[]> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("records must be an array of hex strings");
        var records = new List<byte[]>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String || !Hex.TryParse(reader.GetString(), out var record))
                throw new JsonException($"record {records.Count + 1} is not a hex string");
            records.Add(record);
        }
        return records;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<byte[]> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var record in value)
            writer.WriteStringValue(Hex.Format(record, '\0'));
        writer.WriteEndArray();
    }
}
