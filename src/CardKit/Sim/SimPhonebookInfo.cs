using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// The phone book part of <see cref="SimInfo"/>. JSON: <c>location</c>, then one member per file
/// named after it ("EF_ADN": {fid, recordLength, recordCount}).
/// </summary>
/// <param name="Location">Every set's <see cref="PhonebookLayout.Location"/>, separated by "; ".</param>
/// <param name="Files">Every phone book file, once each.</param>
public sealed record SimPhonebookInfo(string Location, [property: JsonIgnore] IReadOnlyList<RecordFileInfo> Files)
{
    // The files as JSON members named after the files, after "location" (the shape `sim info --json` has always had).
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, object> FilesByName => Files.ToDictionary(f => f.Name, object (f) => f);
}
