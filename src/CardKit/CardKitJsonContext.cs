using System.Text.Json.Serialization;
using CardKit.Atr;
using CardKit.Capture;
using CardKit.Sim;
using CardKit.Iso7816;
using CardKit.Scripting;

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
[JsonSerializable(typeof(AtrReport))]
[JsonSerializable(typeof(AtrParseDocument))]
[JsonSerializable(typeof(AtrBatchError))]
[JsonSerializable(typeof(AtrStatisticsReport))]
[JsonSerializable(typeof(List<ApduExchange>))]
[JsonSerializable(typeof(LatencyStats))]
[JsonSerializable(typeof(ScriptStepResult))]
public partial class CardKitJsonContext : JsonSerializerContext;
