using System.Text.Json.Serialization;

namespace CardKit.Pkcs11;

/// <summary>
/// System.Text.Json source generation for the PKCS#11 results hosts print (AOT-safe): camelCase
/// names, enums as strings unless a property says otherwise (a mechanism's type is a number).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModuleSummary))]
[JsonSerializable(typeof(IReadOnlyList<MechanismInfo>))]
[JsonSerializable(typeof(IReadOnlyList<ObjectSummary>))]
public partial class Pkcs11JsonContext : JsonSerializerContext;
