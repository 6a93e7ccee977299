using System.Text.Json.Serialization;
using CardKit.Capture;
using CardKit.Sim;

namespace CardKit;

/// <summary>
/// The source-generated JSON metadata of every record the CardKit library prints as JSON (AOT-safe,
/// no reflection): camelCase names, enums as strings.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SpyMessage))]
[JsonSerializable(typeof(TraceEvent))]
[JsonSerializable(typeof(SimInfo))]
[JsonSerializable(typeof(RecordFileInfo))]
[JsonSerializable(typeof(IReadOnlyList<PhonebookRow>))]
[JsonSerializable(typeof(SimBackup))]
public partial class CardKitJsonContext : JsonSerializerContext;
