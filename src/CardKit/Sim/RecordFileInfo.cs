using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// A record EF as the select response describes it. JSON (<c>sim info</c>, under the file's
/// name): <c>fid</c> ("6F3A"), <c>recordLength</c>, <c>recordCount</c>.
/// </summary>
/// <param name="Name">"EF_ADN", "EF_EMAIL#2" (files of the second EF_PBR record get a suffix).</param>
/// <param name="Fid">The file identifier.</param>
/// <param name="RecordLength">Bytes per record.</param>
/// <param name="RecordCount">Number of records.</param>
public sealed record RecordFileInfo(
    [property: JsonIgnore] string Name,
    [property: JsonConverter(typeof(FileIdJsonConverter))] ushort Fid,
    int RecordLength,
    int RecordCount)
{
    /// <summary>The file size in bytes.</summary>
    [JsonIgnore]
    public int Size => RecordLength * RecordCount;
}
