using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>A file identifier as four hex digits ("6F3A"), the way the specs write them.</summary>
internal sealed class FileIdJsonConverter : JsonConverter<ushort>
{
    public override ushort Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not { Length: 4 } || !ushort.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fid))
            throw new JsonException($"'{text}' is not a file identifier (four hex digits)");
        return fid;
    }

    public override void Write(Utf8JsonWriter writer, ushort value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("X4", CultureInfo.InvariantCulture));
    }
}
