using System.Text.Json.Serialization;

namespace CardKit.Hosting;

/// <summary>System.Text.Json source generation for the results of CardKit.Hosting printed or served as JSON (AOT- and trim-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReadersReport))]
public partial class HostingJsonContext : JsonSerializerContext;
