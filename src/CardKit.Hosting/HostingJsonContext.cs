using System.Text.Json.Serialization;
using CardKit.Hosting.Doctor;

namespace CardKit.Hosting;

/// <summary>
/// Source-generated JSON (AOT- and trim-safe) for the results CardKit.Hosting returns: what
/// `cardkit readers --json`, `cardkit doctor --json`, the web service and a user's program print,
/// with the same field names.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(ReadersReport))]
public partial class HostingJsonContext : JsonSerializerContext;
