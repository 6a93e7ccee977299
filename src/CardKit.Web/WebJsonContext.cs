using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CardKit.Web;

/// <summary>Source-generated JSON for what only the web service writes: the match map and problem documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(CardConsole.ConsoleReaderEvent))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public partial class WebJsonContext : JsonSerializerContext;
