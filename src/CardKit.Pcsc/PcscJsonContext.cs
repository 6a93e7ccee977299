using System.Text.Json.Serialization;

namespace CardKit.Pcsc;

/// <summary>System.Text.Json source generation for the PC/SC results printed or served as JSON (AOT- and trim-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReaderSummary))]
[JsonSerializable(typeof(ReaderEventReport))]
public partial class PcscJsonContext : JsonSerializerContext;
