using System.Text.Json.Serialization;

namespace CardKit.Sim;

/// <summary>
/// One phone book file in a <see cref="SimBackup"/>: JSON <c>name</c>, <c>fid</c> ("6F3A"),
/// <c>recordLength</c>, <c>records</c> (each record as hex without spaces).
/// </summary>
/// <param name="Name">The file's name as <see cref="RecordFileInfo.Name"/> gives it; restore finds the file by it.</param>
/// <param name="Fid">The file identifier.</param>
/// <param name="RecordLength">Bytes per record.</param>
/// <param name="Records">Every record, in record order.</param>
public sealed record SimBackupFile(
    string Name,
    [property: JsonConverter(typeof(FileIdJsonConverter))] ushort Fid,
    int RecordLength,
    [property: JsonConverter(typeof(HexRecordsJsonConverter))] IReadOnlyList<byte[]> Records);
